package shop.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names this application in an {@code X-Served-By} header on every response, errors
 * included: the storefront shows it, so attendees watch requests move to new services as
 * the migration goes on. Runs first, before security, so even a 401 carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServedByFilter extends OncePerRequestFilter {

	static final String SERVED_BY = "X-Served-By";

	private final String applicationName;

	public ServedByFilter(@Value("${spring.application.name}") String applicationName) {
		this.applicationName = applicationName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(SERVED_BY, this.applicationName);
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
