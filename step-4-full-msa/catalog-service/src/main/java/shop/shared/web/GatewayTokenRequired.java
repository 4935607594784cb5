package shop.shared.web;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * A call to the API without the gateway's token, or with a token that does not verify: a
 * call that did not come through the gateway. Answered 401 with a Bearer challenge.
 */
public class GatewayTokenRequired extends AuthenticationException {

	/**
	 * @param cause why Spring Security refused the call: no token, or the token's fault
	 */
	public GatewayTokenRequired(AuthenticationException cause) {
		super("This service answers calls that come through the gateway, which adds its signed token; " + reason(cause),
				cause);
	}

	private static String reason(AuthenticationException cause) {
		return (cause instanceof OAuth2AuthenticationException) ? "this call's token was refused: " + cause.getMessage()
				: "this call has none.";
	}

}
