package workshop.cli.bench;

import workshop.cli.WorkshopException;

/**
 * Direct against through the gateway ({@link GatewayOverhead}), each figure next to the
 * step's target ({@link GatewayTargets}). For a step with an app named {@code gateway}.
 */
final class ThroughTheGateway implements Measure {

	@Override
	public String name() {
		return "gateway-overhead";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		GatewayTargets targets = GatewayTargets.of(bench);
		if (GatewayOverhead.gatewayOf(bench.step()).isEmpty()) {
			throw new WorkshopException(bench.step().id() + " lists gateway-overhead but has no app named '"
					+ GatewayOverhead.GATEWAY + "' in workshop.yaml: drop the measure, or name its gateway so.");
		}
		BenchContext.Settings settings = bench.settings();
		GatewayComparison comparison = new GatewayOverhead(bench.client(), bench.step(), settings.rate(),
				settings.busiest(), settings.duration(), bench.out())
			.measure(bench.shop(), bench.busiestBatch().orElse(null));
		return GatewayOverheadReport.table(comparison, targets);
	}

}
