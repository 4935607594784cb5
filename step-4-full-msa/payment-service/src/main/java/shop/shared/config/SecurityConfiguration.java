package shop.shared.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may do what: administrators count the stock and have the settings read again
 * ({@code POST /actuator/refresh}) with HTTP Basic, everyone else reads the stock and
 * places orders without logging in.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String REALM = "shop";

	@Bean
	SecurityFilterChain shopSecurity(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.PUT, "/api/inventory/**")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/actuator/refresh")
			.authenticated()
			.anyRequest()
			.permitAll())
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(problemEntryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problemEntryPoint))
			// Every request carries its credentials: no session, no cookie.
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// CSRF attacks ride on credentials a browser sends by itself, such as a
			// session cookie. This API keeps no session and sets no cookie; admin clients
			// (curl, scripts, tests) send their credentials with each call. CSRF tokens
			// would only break them.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * Answers a missing or wrong login with a 401 problem detail and a Basic challenge,
	 * rendered by the same exception handler as every other error.
	 */
	@Bean
	AuthenticationEntryPoint problemEntryPoint(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		return (request, response, authenticationException) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
			exceptionResolver.resolveException(request, response, null, authenticationException);
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

	/**
	 * The one administrator, from {@code shop.admin.*}. The password sits in plain text
	 * in the configuration already, so it is compared as plain text ({@code {noop}}):
	 * hashing it would add CPU time and no protection. Not an
	 * {@code InMemoryUserDetailsManager}: Spring Security upgrades the password such a
	 * manager holds to a BCrypt hash after the first login, and every admin request after
	 * it then spends tens of milliseconds of CPU checking it.
	 */
	@Bean
	UserDetailsService administrator(ShopProperties properties) {
		ShopProperties.Admin admin = properties.admin();
		return (username) -> {
			if (!admin.username().equals(username)) {
				throw new UsernameNotFoundException("No administrator " + username);
			}
			// a new user for each login, which erases the password of the one it checked
			return User.withUsername(admin.username()).password("{noop}" + admin.password()).roles("ADMIN").build();
		};
	}

}
