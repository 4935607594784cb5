package shop.gateway;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a route's traffic goes to the new service, and what happens when it fails.
 *
 * @param weight share of clients, 0 to 100, served by the new service; a client keeps its
 * side while the weight stays, and raising the weight only moves clients to the new side
 * @param parallelRun whether reads are also sent to the other side and the answers
 * compared
 * @param fallback what the client gets when the new service cannot answer
 */
public record CutoverPolicy(@DefaultValue("0") int weight, @DefaultValue("false") boolean parallelRun,
		@DefaultValue("none") Fallback fallback) {

	/**
	 * Everything to the monolith, no parallel run, no fallback: the state before cutover.
	 */
	public static final CutoverPolicy MONOLITH_ONLY = new CutoverPolicy(0, false, Fallback.NONE);

	public CutoverPolicy {
		if (weight < 0 || weight > 100) {
			throw new IllegalArgumentException("weight must be between 0 and 100, was " + weight);
		}
		if (fallback == null) {
			throw new IllegalArgumentException("fallback must be 'none' or 'monolith'");
		}
	}

	/** What the gateway answers when the new service is down or too slow. */
	public enum Fallback {

		/** A 503 problem detail, so failures of the new service stay visible. */
		NONE,

		/** The monolith's answer, for reads only: a write is never sent twice. */
		MONOLITH

	}

}
