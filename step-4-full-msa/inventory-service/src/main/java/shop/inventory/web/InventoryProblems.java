package shop.inventory.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import shop.inventory.internal.StockBelowReservedException;
import shop.inventory.internal.StockNotFoundException;
import shop.shared.web.ProblemDetailsAdvice;
import shop.shared.web.ProblemType;

/**
 * The inventory's errors as the contract's problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InventoryProblems {

	@ExceptionHandler
	ResponseEntity<Object> stockNotFound(StockNotFoundException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.STOCK_NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> stockBelowReserved(StockBelowReservedException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.STOCK_BELOW_RESERVED, ex.getMessage(), request);
	}

}
