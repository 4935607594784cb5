package shop.shared.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into an RFC 9457 problem detail with one of the contract's stable
 * types ({@link ProblemType}), a human {@code detail}, the request path as
 * {@code instance} and, for validation, the offending fields by JSON path. Errors Spring
 * MVC detects itself (malformed JSON, 404, 405, 415, ...) come through
 * {@link #handleExceptionInternal}. Each module answers its own exceptions in its own
 * advice with {@link #problem}, ahead of this one; filters and the security firewall hand
 * their errors here too. What never reaches Spring MVC, Tomcat answers with
 * {@link TomcatProblems}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ResponseEntity<Object> invalidRequest(InvalidRequestException ex, HttpServletRequest request) {
		return validationFailed(ex.getViolations(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex, HttpServletRequest request) {
		return problem(ProblemType.PAYLOAD_TOO_LARGE, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> gatewayTokenRequired(GatewayTokenRequired ex, HttpServletRequest request) {
		return problem(ProblemType.UNAUTHORIZED, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unauthorized(AuthenticationException ex, HttpServletRequest request) {
		return problem(ProblemType.UNAUTHORIZED,
				"This endpoint needs an administrator's credentials, sent with HTTP Basic authentication.", request);
	}

	/**
	 * Answers what Spring Security's firewall refuses, in the path or in a header value,
	 * with a 400: the firewall's own message may echo the offending value.
	 */
	@ExceptionHandler
	ResponseEntity<Object> requestRejected(RequestRejectedException ex, HttpServletRequest request) {
		return problem(ProblemType.MALFORMED_REQUEST, "The request holds something this shop refuses: an encoded"
				+ " slash, backslash, period or percent sign, a semicolon, or an empty, '.' or '..' segment in the path;"
				+ " a control character in a header; or an unknown method.", request);
	}

	/**
	 * Answers a request that needed the database while it could not be reached with a
	 * 503: the shop is down for a moment, not broken, and nothing was changed. One line
	 * in the log, no stack trace: the cause is outside the code.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex, HttpServletRequest request) {
		log.warn("The database cannot be reached, " + request.getMethod() + " " + request.getRequestURI()
				+ " answered 503: " + ex.getMessage());
		return problem(ProblemType.SERVICE_UNAVAILABLE,
				"The shop's database cannot be reached. Nothing was changed; try again in a moment.", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on " + request.getMethod() + " " + request.getRequestURI(), ex);
		return problem(ProblemType.INTERNAL_ERROR, "Something went wrong on our side. The error has been logged.",
				request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldViolation(error.getField(), messageOf(error)))
			.toList();
		return validationFailed(errors, servletRequest(request));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "The request body is missing or is not valid JSON.";
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			detail = "The request body has a value of the wrong JSON type at " + jsonPath(jackson) + ".";
		}
		return problem(ProblemType.MALFORMED_REQUEST, detail, servletRequest(request));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String detail = "A value in the request has the wrong type.";
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			detail = "The " + mismatch.getName() + " '" + mismatch.getValue() + "' is not a valid "
					+ mismatch.getRequiredType().getSimpleName() + ".";
		}
		return problem(ProblemType.MALFORMED_REQUEST, detail, servletRequest(request));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		return problem(ProblemType.NOT_FOUND,
				"No endpoint " + servletRequest.getMethod() + " " + instanceOf(servletRequest) + ".", servletRequest);
	}

	/**
	 * Gives the problems Spring MVC builds itself (405, 415, ...) the contract's type and
	 * title, keeping Spring's status, headers (such as {@code Allow}) and detail.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemType type = ProblemType.forStatus(statusCode);
		ProblemDetail problem = ProblemDetail.forStatus(statusCode);
		if (body instanceof ProblemDetail detail) {
			problem = detail;
		}
		else if (ex instanceof ErrorResponse errorResponse) {
			problem = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (problem.getDetail() == null) {
			problem.setDetail(type.title() + ".");
		}
		problem.setType(type.type());
		problem.setTitle(type.title());
		problem.setInstance(instanceOf(servletRequest(request)));
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	private ResponseEntity<Object> validationFailed(List<FieldViolation> errors, HttpServletRequest request) {
		List<FieldViolation> sorted = errors.stream().sorted(Comparator.comparing(FieldViolation::field)).toList();
		String detail = (sorted.size() == 1) ? "The field " + sorted.get(0).field() + " is invalid."
				: sorted.size() + " fields are invalid.";
		return problem(ProblemType.VALIDATION_FAILED, detail, request, sorted);
	}

	/**
	 * A problem detail answer.
	 * @param type the contract's problem type, never null
	 * @param detail what went wrong, for a human, never null
	 * @param request the request answered, never null
	 * @return the answer, never null
	 */
	public static ResponseEntity<Object> problem(ProblemType type, String detail, HttpServletRequest request) {
		return problem(type, detail, request, null);
	}

	/**
	 * A problem detail answer naming the offending fields.
	 * @param type the contract's problem type, never null
	 * @param detail what went wrong, for a human, never null
	 * @param request the request answered, never null
	 * @param errors the offending fields, or null for none
	 * @return the answer, never null
	 */
	public static ResponseEntity<Object> problem(ProblemType type, String detail, HttpServletRequest request,
			List<FieldViolation> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.type());
		problem.setTitle(type.title());
		problem.setInstance(instanceOf(request));
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(type.status()).body(problem);
	}

	private static String messageOf(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	/**
	 * The path of the offending value, written as in the contract:
	 * {@code lines[0].quantity}.
	 */
	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			else if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
		}
		return path.toString();
	}

	private static URI instanceOf(HttpServletRequest request) {
		return ProblemInstance.of(request.getRequestURI());
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
	}

}
