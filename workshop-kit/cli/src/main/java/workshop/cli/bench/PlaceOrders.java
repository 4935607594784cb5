package workshop.cli.bench;

/**
 * {@code POST /api/orders} alone, closed loop. List it last: bare POSTs may outrun an
 * asynchronous flow, and nothing measured after them should wait behind the orders they
 * leave pending.
 */
final class PlaceOrders implements Measure {

	@Override
	public String name() {
		return "place-orders";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		return ClosedLoop.run(bench, "POST /api/orders", bench.shop().placeOrder(), 201, true);
	}

}
