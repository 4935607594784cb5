package shop.catalog.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import shop.catalog.internal.DuplicateSkuException;
import shop.catalog.internal.ProductNotFoundException;
import shop.catalog.internal.SkuChangeException;
import shop.shared.web.FieldViolation;
import shop.shared.web.ProblemDetailsAdvice;
import shop.shared.web.ProblemType;

/**
 * The catalog's errors as the contract's problem details. Each module answers its own
 * exceptions, so the shared problem handler knows no module.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

	@ExceptionHandler
	ResponseEntity<Object> productNotFound(ProductNotFoundException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.PRODUCT_NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> duplicateSku(DuplicateSkuException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.DUPLICATE_SKU, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> skuChange(SkuChangeException ex, HttpServletRequest request) {
		return ProblemDetailsAdvice.problem(ProblemType.VALIDATION_FAILED, "The product's SKU cannot change.", request,
				List.of(new FieldViolation("sku", ex.getMessage())));
	}

}
