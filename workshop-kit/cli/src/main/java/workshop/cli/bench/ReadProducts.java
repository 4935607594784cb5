package workshop.cli.bench;

/** {@code GET /api/products} through the front door, closed loop. */
final class ReadProducts implements Measure {

	@Override
	public String name() {
		return "read-products";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		return ClosedLoop.run(bench, "GET /api/products", bench.shop().listProducts(), 200, false);
	}

}
