package shop.gateway;

import java.util.Set;

/**
 * A cutover request named a route that has no cutover policy.
 */
public class UnknownRouteException extends IllegalArgumentException {

	public UnknownRouteException(String route, Set<String> routes) {
		super("no route named '" + route + "'; routes with a cutover policy: " + routes);
	}

}
