package shop.orders.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import shop.orders.internal.IdempotencyKeyReusedException;
import shop.orders.internal.OrderNotCancellableException;
import shop.orders.internal.OrderNotFoundException;
import shop.orders.internal.UnknownSkuException;
import shop.shared.web.FieldViolation;
import shop.shared.web.ProblemDetailsAdvice;
import shop.shared.web.ProblemType;

/**
 * The orders' errors as the contract's problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	@ExceptionHandler
	ResponseEntity<Object> orderNotFound(OrderNotFoundException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.ORDER_NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> orderNotCancellable(OrderNotCancellableException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.ORDER_NOT_CANCELLABLE, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> idempotencyKeyReused(IdempotencyKeyReusedException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.IDEMPOTENCY_KEY_REUSED, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unknownSku(UnknownSkuException ex, HttpServletRequest request) {
		List<FieldViolation> errors = ex.getLines()
			.stream()
			.map((line) -> new FieldViolation("lines[" + line.index() + "].sku",
					"no active product has the SKU " + line.sku()))
			.toList();
		String detail = (errors.size() == 1) ? ex.getMessage()
				: errors.size() + " order lines name SKUs that are not active products.";
		return ProblemDetailsAdvice.problem(ProblemType.UNKNOWN_SKU, detail, request, errors);
	}

}
