package workshop.cli.bench;

/**
 * Placing an order and reading it until its status is final, closed loop: the latency a
 * customer sees ({@link OrderToFinalStatus}).
 */
final class WaitForFinalStatus implements Measure {

	static final String REQUEST = "POST /api/orders to final status";

	@Override
	public String name() {
		return "order-to-final-status";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		return ClosedLoop.run(bench, REQUEST,
				new OrderToFinalStatus(bench.shop().placeOrder(), bench.settings().orderTimeout()), true);
	}

}
