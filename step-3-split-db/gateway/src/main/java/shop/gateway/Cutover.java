package shop.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The cutover policy of every strangled route, and which side serves a request.
 * <p>
 * A request goes to the new service when {@code hash(clientId) mod 100 < weight}. The
 * hash of a client never changes, so a client keeps its side while the weight stays, and
 * raising the weight only moves clients from the monolith to the new service, never back.
 * A tester pins a request to one side with the {@code X-Shop-Route} header. The policies
 * live in memory: a restart goes back to the configured ones.
 */
@Component
public class Cutover {

	/** The one route being strangled: the product endpoints. */
	public static final String CATALOG = "catalog";

	/**
	 * Header that pins a request to a side, for testers: {@code monolith} or
	 * {@code catalog-service}.
	 */
	public static final String ROUTE_OVERRIDE = "X-Shop-Route";

	private final Map<String, CutoverPolicy> policies = new ConcurrentHashMap<>();

	public Cutover(GatewayProperties properties) {
		this.policies.put(CATALOG, properties.catalog());
	}

	/**
	 * The names of the routes that have a cutover policy.
	 * @return never null
	 */
	public Set<String> routes() {
		return Set.copyOf(this.policies.keySet());
	}

	/**
	 * The policy of a route in force now.
	 * @param route a route name such as {@code catalog}
	 * @return never null
	 * @throws UnknownRouteException when the route has no policy
	 */
	public CutoverPolicy policy(String route) {
		CutoverPolicy policy = this.policies.get(route);
		if (policy == null) {
			throw new UnknownRouteException(route, routes());
		}
		return policy;
	}

	/**
	 * Replaces the policy of a route; requests that arrive afterwards follow the new one.
	 * @param route a route name such as {@code catalog}
	 * @param policy the new policy, not null
	 * @throws UnknownRouteException when the route has no policy
	 */
	public void change(String route, CutoverPolicy policy) {
		policy(route);
		this.policies.put(route, policy);
	}

	/**
	 * The side that serves this request on the route: the tester's override when there is
	 * one, otherwise the client's place among the weight.
	 * @param route a route name such as {@code catalog}
	 * @param exchange the request, whose client id {@link ClientIds} resolved
	 * @return never null
	 */
	// tag::sticky-side[]
	public Side sideFor(String route, ServerWebExchange exchange) {
		Side pinned = Side.ofAppName(exchange.getRequest().getHeaders().getFirst(ROUTE_OVERRIDE));
		if (pinned != null) {
			return pinned;
		}
		return (bucketOf(ClientIds.of(exchange)) < policy(route).weight()) ? Side.CATALOG_SERVICE : Side.MONOLITH;
	}

	/**
	 * The client's fixed place from 0 to 99. CRC32 spreads random ids evenly and is the
	 * same on every JVM, so two gateway instances put a client on the same side.
	 * @param clientId the client id, not null
	 * @return 0 to 99
	 */
	static int bucketOf(String clientId) {
		CRC32 crc = new CRC32();
		crc.update(clientId.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % 100);
	}
	// end::sticky-side[]

}
