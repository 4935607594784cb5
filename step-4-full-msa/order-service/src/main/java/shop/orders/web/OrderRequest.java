package shop.orders.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shop.orders.internal.PlaceOrder;
import shop.shared.web.FieldViolation;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param customerEmail a valid address of at most 254 characters
 * @param lines 1 to 50 lines, each SKU at most once
 */
public record OrderRequest(@NotBlank @Email @Size(max = 254) String customerEmail,
		@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines) {

	/**
	 * Lines naming a SKU that an earlier line named already.
	 * @return one violation per repeated line, empty if none
	 */
	List<FieldViolation> repeatedSkus() {
		Set<String> seen = new HashSet<>();
		List<FieldViolation> repeated = new ArrayList<>();
		for (int index = 0; index < this.lines.size(); index++) {
			if (!seen.add(this.lines.get(index).sku())) {
				repeated.add(new FieldViolation("lines[" + index + "].sku", "appears in an earlier line"));
			}
		}
		return repeated;
	}

	PlaceOrder toPlaceOrder() {
		return new PlaceOrder(this.customerEmail,
				this.lines.stream().map((line) -> new PlaceOrder.Line(line.sku(), line.quantity())).toList());
	}

	/**
	 * One line of the order.
	 *
	 * @param sku the SKU of an active product
	 * @param quantity 1 to 1,000 units
	 */
	public record Line(@NotBlank String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {
	}

}
