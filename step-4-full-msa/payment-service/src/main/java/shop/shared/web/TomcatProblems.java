package shop.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Makes the errors that Tomcat answers by itself problem details of the contract, in
 * place of its HTML error page. Tomcat refuses some requests before any filter or servlet
 * sees them: a request line or header that breaks HTTP's syntax, a path with an encoded
 * slash, backslash or NUL, an invalid {@code %} escape or a {@code ..} above the root
 * (400 {@code malformed-request}); a request line longer than its buffer (414
 * {@code uri-too-long}) or headers that overflow it (431
 * {@code request-header-fields-too-large}). It also answers the errors that reach it
 * without a body, such as its 405 to {@code TRACE}: the application has no {@code /error}
 * page, so every such error ends here.
 */
@Component
// After Spring Boot's own customizer, which installs Tomcat's error report valve.
@Order(Ordered.LOWEST_PRECEDENCE)
public class TomcatProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	private final String applicationName;

	public TomcatProblems(@Value("${spring.application.name}") String applicationName) {
		this.applicationName = applicationName;
	}

	/**
	 * Replaces the error report valve of Tomcat's host with {@link ProblemReportValve}.
	 */
	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			StandardHost host = (StandardHost) context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemReportValve(this.applicationName));
			// Tells the host not to add a valve of its own when it starts.
			host.setErrorReportValveClass(ProblemReportValve.class.getName());
		});
	}

	/**
	 * Tomcat's error report valve, writing a problem where it would write HTML. It runs
	 * after everything else has handled the request, and writes only when the response is
	 * an error that nobody has written a body for.
	 */
	static final class ProblemReportValve extends ErrorReportValve {

		/** Tomcat's message when the request line and headers outgrow its buffer. */
		private static final String HEADER_TOO_LARGE = StringManager.getManager(Http11InputBuffer.class)
			.getString("iib.requestheadertoolarge.error");

		private final String applicationName;

		ProblemReportValve(String applicationName) {
			this.applicationName = applicationName;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			HttpStatusCode status = statusOf(request, response, throwable);
			ProblemType type = ProblemType.forStatus(status);
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", type.type().toString());
			problem.put("title", type.title());
			problem.put("status", status.value());
			problem.put("detail", detailOf(type));
			URI instance = ProblemInstance.of(request.getRequestURI());
			if (instance != null) {
				problem.put("instance", instance.toString());
			}
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setHeader(ServedByFilter.SERVED_BY, this.applicationName);
			try {
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(JsonMapper.shared().writeValueAsString(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client has gone; there is nobody left to answer.
			}
		}

		/**
		 * Tomcat's status, except that it answers 400 when the request outgrows its
		 * buffer: that is a 414 when the request line did not fit (no path was read), a
		 * 431 when the headers did not.
		 */
		private static HttpStatusCode statusOf(Request request, Response response, Throwable throwable) {
			if (throwable instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
				return HttpStatusCode.valueOf((request.getRequestURI() == null) ? 414 : 431);
			}
			return HttpStatusCode.valueOf(response.getStatus());
		}

		private static String detailOf(ProblemType type) {
			return switch (type) {
				case MALFORMED_REQUEST -> "The request cannot be read: it breaks the syntax of HTTP or of URIs, or its"
						+ " path holds an encoded slash, backslash or NUL, or a '..' above the root.";
				case URI_TOO_LONG -> "The request line is longer than this shop reads.";
				case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are larger than this shop reads.";
				case METHOD_NOT_ALLOWED -> "This shop does not take that method.";
				case INTERNAL_ERROR -> "Something went wrong on our side. The error has been logged.";
				default -> type.title() + ".";
			};
		}

	}

}
