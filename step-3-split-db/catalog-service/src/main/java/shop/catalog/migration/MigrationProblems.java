package shop.catalog.migration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import shop.shared.web.ProblemDetailsAdvice;
import shop.shared.web.ProblemType;

/**
 * A refused move to another phase as a problem detail.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrationProblems {

	@ExceptionHandler
	ResponseEntity<Object> refused(MigrationRefusedException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.MIGRATION_REFUSED, ex.getMessage(), request);
	}

}
