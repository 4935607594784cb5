package shop.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings, under {@code shop.gateway.*}. Wiring it to a step takes two
 * base URLs; everything else has a default.
 *
 * @param monolithUrl base URL of the monolith, which answers everything not yet moved
 * @param catalogUrl base URL of the catalog service
 * @param timeout the longest a backend may take to answer before the gateway gives up
 * @param catalog the cutover policy of the catalog route at startup
 * @param parallelRun limits of the parallel run
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(URI monolithUrl, URI catalogUrl, @DefaultValue("2s") Duration timeout,
		@DefaultValue CutoverPolicy catalog, @DefaultValue ParallelRun parallelRun) {

	/**
	 * How much shadow traffic the parallel run may cause.
	 *
	 * @param maxInFlight shadow calls under way at once; a read beyond that is not
	 * compared
	 * @param logEvery at most one mismatch diff is logged per route in this interval
	 */
	public record ParallelRun(@DefaultValue("8") int maxInFlight, @DefaultValue("10s") Duration logEvery) {
	}

}
