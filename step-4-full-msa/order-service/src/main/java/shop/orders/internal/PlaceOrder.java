package shop.orders.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A customer's request to place an order, already validated by the web layer.
 *
 * @param customerEmail the customer's address, never null
 * @param lines the lines asked for, at least one, each SKU at most once
 */
public record PlaceOrder(String customerEmail, List<Line> lines) {

	/**
	 * A digest of the request, the same for the same e-mail and lines in the same order:
	 * how a retried request is told from a different one that reuses an
	 * {@code Idempotency-Key}.
	 * @return a SHA-256 digest in hex, never null
	 */
	public String fingerprint() {
		StringBuilder canonical = new StringBuilder(this.customerEmail);
		for (Line line : this.lines) {
			canonical.append('\n').append(line.sku()).append(' ').append(line.quantity());
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	/**
	 * One line of the request.
	 *
	 * @param sku the product's SKU
	 * @param quantity a positive number of units
	 */
	public record Line(String sku, int quantity) {
	}

}
