package shop.shared.config;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import shop.shared.web.GatewayTokenRequired;

/**
 * Who may do what. The API answers requests that carry the gateway's token only, a JWT
 * the gateway signed ({@code spring.security.oauth2.resourceserver.jwt.*} holds its
 * public key): the gateway checks the administrator's HTTP Basic login and says who
 * called, so the service trusts no network position and never sees a password.
 * Administrators, whose token has the scope {@code admin}, change the catalog; everyone
 * else reads it.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String REALM = "shop";

	/** The authority of a token with the scope {@code admin}. */
	static final String ADMIN = "SCOPE_admin";

	@Bean
	SecurityFilterChain shopSecurity(HttpSecurity http, JwtDecoder gatewayTokens,
			AuthenticationEntryPoint tokenRequired, AccessDeniedHandler loginRequired) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/products")
			.hasAuthority(ADMIN)
			.requestMatchers(HttpMethod.PUT, "/api/products/*")
			.hasAuthority(ADMIN)
			.requestMatchers("/api/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.oauth2ResourceServer(
					(tokens) -> tokens.jwt((jwt) -> jwt.decoder(new VerifiedTokens(gatewayTokens, Instant::now)))
						.authenticationEntryPoint(tokenRequired)
						.accessDeniedHandler(loginRequired))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(tokenRequired)
				.accessDeniedHandler(loginRequired))
			// Every request carries its token: no session, no cookie.
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// CSRF attacks ride on credentials a browser sends by itself, such as a
			// session cookie. This API keeps no session and sets no cookie; the gateway
			// sends a token with each call. CSRF tokens would only break it.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * Answers a request without the gateway's token, or with one that fails to verify
	 * (another key, another audience, expired), with a 401 problem detail and a Bearer
	 * challenge: such a request did not come through the gateway.
	 */
	@Bean
	AuthenticationEntryPoint tokenRequired(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		return (request, response, authenticationException) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
			exceptionResolver.resolveException(request, response, null,
					new GatewayTokenRequired(authenticationException));
		};
	}

	/**
	 * Answers a valid token without the scope an endpoint needs, that of a caller who did
	 * not log in, as the API contract answers a missing login: 401, a problem detail, and
	 * the Basic challenge that the client answers at the gateway.
	 */
	@Bean
	AccessDeniedHandler loginRequired(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		return (request, response, accessDenied) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
			exceptionResolver.resolveException(request, response, null,
					new InsufficientAuthenticationException(accessDenied.getMessage(), accessDenied));
		};
	}

	/**
	 * Answers a request that the firewall refuses (an encoded slash or semicolon, a
	 * {@code //} or {@code ..} in the path, an unknown method) with a 400 problem detail,
	 * rendered by the same exception handler as every other error.
	 */
	@Bean
	RequestRejectedHandler problemRequestRejectedHandler(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		return (request, response, rejection) -> exceptionResolver.resolveException(request, response, null, rejection);
	}

}
