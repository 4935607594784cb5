package shop.orders.internal;

import java.util.List;

/**
 * Thrown when order lines name SKUs that are not active products. Nothing was written.
 */
public class UnknownSkuException extends RuntimeException {

	private final List<UnknownLine> lines;

	/**
	 * @param lines the offending lines, at least one
	 */
	public UnknownSkuException(List<UnknownLine> lines) {
		super("No active product has the SKU " + lines.get(0).sku() + ".");
		this.lines = List.copyOf(lines);
	}

	/**
	 * The offending lines.
	 * @return the lines, in request order, never empty
	 */
	public List<UnknownLine> getLines() {
		return this.lines;
	}

	/**
	 * An order line whose SKU is not an active product.
	 *
	 * @param index the line's position in the request, from 0
	 * @param sku the SKU it names
	 */
	public record UnknownLine(int index, String sku) {
	}

}
