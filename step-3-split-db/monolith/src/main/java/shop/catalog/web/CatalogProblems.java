package shop.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import shop.catalog.CatalogUnavailableException;
import shop.catalog.internal.CatalogProblemException;
import shop.shared.web.ProblemDetailsAdvice;
import shop.shared.web.ProblemType;

/**
 * The catalog's errors as the contract's problem details. The catalog service finds most
 * of them: its problem is relayed as it came, so a client cannot tell the monolith's
 * answer from the service's but by {@code X-Served-By}. A service that cannot answer is a
 * 503, for the product API and for every other module that needed it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

	private static final Log log = LogFactory.getLog(CatalogProblems.class);

	@ExceptionHandler
	ResponseEntity<byte[]> refusedByTheService(CatalogProblemException ex) {
		return ResponseEntity.status(ex.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ex.getProblem());
	}

	@ExceptionHandler
	ResponseEntity<Object> catalogUnavailable(CatalogUnavailableException ex, HttpServletRequest request) {
		log.warn(ex.getMessage());
		return ProblemDetailsAdvice.problem(ProblemType.SERVICE_UNAVAILABLE,
				"The catalog service cannot answer now; try again in a moment.", request);
	}

}
