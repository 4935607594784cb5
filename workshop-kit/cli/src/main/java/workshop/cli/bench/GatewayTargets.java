package workshop.cli.bench;

/**
 * The targets of a step with a gateway, measured direct against through the gateway, as
 * the step sets them in {@code workshop.yaml}: the gateway adds at most
 * max({@code gateway-added-p50-ms}, {@code gateway-added-p50-share} of direct p50) to
 * p50, keeps p99 within {@code gateway-p99-factor} times direct p99 at a moderate fixed
 * rate, and passes at least {@code gateway-throughput-share} of direct throughput at
 * saturation.
 *
 * @param addedP50Millis the p50 the gateway may always add, however fast direct is
 * @param addedP50Share the share of direct p50 the gateway may add when that is more
 * @param p99Factor how many times direct p99 the p99 through the gateway may be
 * @param throughputShare the least share of direct throughput through the gateway
 */
record GatewayTargets(double addedP50Millis, double addedP50Share, double p99Factor, double throughputShare) {

	/**
	 * Reads the targets of the step being measured.
	 * @param bench the step
	 * @return the targets
	 * @throws workshop.cli.WorkshopException when the step does not set one
	 */
	static GatewayTargets of(BenchContext bench) {
		return new GatewayTargets(bench.target("gateway-added-p50-ms"), bench.target("gateway-added-p50-share"),
				bench.target("gateway-p99-factor"), bench.target("gateway-throughput-share"));
	}

	/**
	 * Returns the highest p50 through the gateway that meets the target.
	 * @param directP50 direct p50 in milliseconds
	 * @return the bound in milliseconds
	 */
	double p50Bound(double directP50) {
		return directP50 + Math.max(this.addedP50Millis, this.addedP50Share * directP50);
	}

	boolean p50Met(double directP50, double gatewayP50) {
		return gatewayP50 <= p50Bound(directP50);
	}

	double p99Bound(double directP99) {
		return this.p99Factor * directP99;
	}

	boolean p99Met(double directP99, double gatewayP99) {
		return gatewayP99 <= p99Bound(directP99);
	}

	boolean throughputMet(double share) {
		return share >= this.throughputShare;
	}

	static String verdict(boolean met) {
		return met ? "met" : "**missed**";
	}

}
