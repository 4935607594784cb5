package shop.gateway;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/cutover}: shows and changes the cutover policies while the gateway
 * runs.
 * <ul>
 * <li>{@code GET /actuator/cutover} lists every route's policy;
 * {@code GET /actuator/cutover/catalog} shows one.</li>
 * <li>{@code POST /actuator/cutover} with {@code {"route":"catalog","weight":50}} changes
 * it; fields left out keep their value. Rollback is {@code "weight":0}.</li>
 * </ul>
 * Only callers on the gateway's own machine may use it ({@link LocalCutoverCallers}).
 */
@Component
@Endpoint(id = "cutover")
public class CutoverEndpoint {

	private final Cutover cutover;

	public CutoverEndpoint(Cutover cutover) {
		this.cutover = cutover;
	}

	@ReadOperation
	public List<RoutePolicy> policies() {
		return this.cutover.routes().stream().sorted().map(this::policyOf).toList();
	}

	@ReadOperation
	public RoutePolicy policy(@Selector String route) {
		return policyOf(route);
	}

	@WriteOperation
	public RoutePolicy change(String route, @Nullable Integer weight, @Nullable Boolean parallelRun,
			@Nullable String fallback) {
		try {
			CutoverPolicy current = this.cutover.policy(route);
			CutoverPolicy changed = new CutoverPolicy((weight != null) ? weight : current.weight(),
					(parallelRun != null) ? parallelRun : current.parallelRun(),
					(fallback != null) ? fallbackNamed(fallback) : current.fallback());
			this.cutover.change(route, changed);
			return policyOf(route);
		}
		catch (IllegalArgumentException invalid) {
			throw new InvalidEndpointRequestException(invalid.getMessage(), invalid.getMessage());
		}
	}

	private RoutePolicy policyOf(String route) {
		try {
			CutoverPolicy policy = this.cutover.policy(route);
			return new RoutePolicy(route, policy.weight(), policy.parallelRun(),
					policy.fallback().name().toLowerCase(Locale.ROOT));
		}
		catch (UnknownRouteException unknown) {
			throw new InvalidEndpointRequestException(unknown.getMessage(), unknown.getMessage());
		}
	}

	private static CutoverPolicy.Fallback fallbackNamed(String name) {
		for (CutoverPolicy.Fallback fallback : CutoverPolicy.Fallback.values()) {
			if (fallback.name().equalsIgnoreCase(name)) {
				return fallback;
			}
		}
		throw new IllegalArgumentException("fallback must be 'none' or 'monolith', was '" + name + "'");
	}

	/**
	 * A route's policy as the endpoint shows it.
	 *
	 * @param route the route name
	 * @param weight share of clients, 0 to 100, served by the new service
	 * @param parallelRun whether reads are compared with the other side
	 * @param fallback {@code none} or {@code monolith}
	 */
	public record RoutePolicy(String route, int weight, boolean parallelRun, String fallback) {
	}

}
