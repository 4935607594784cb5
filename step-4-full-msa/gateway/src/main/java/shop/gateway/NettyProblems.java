package shop.gateway;

import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Makes the errors that Netty answers by itself problem details of the contract. Some
 * requests never reach the gateway's code: Netty refuses a request line over 4 KiB (414),
 * headers over 8 KiB (431) or a request that breaks HTTP's syntax (400), and Spring's
 * Netty adapter refuses a request target that is no valid URI, such as {@code %zz} (400).
 * Both answer with an empty body. A handler right behind Netty's HTTP codec gives every
 * such empty error a problem body, written by {@link GatewayProblems}.
 */
@Component
class NettyProblems implements NettyServerCustomizer {

	private final GatewayProblems problems;

	NettyProblems(GatewayProblems problems) {
		this.problems = problems;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, EmptyErrorBodies.class.getName(),
							new EmptyErrorBodies(this.problems));
			}
		});
	}

	/**
	 * Notes each request of a connection as it comes in and, when the answer to it is an
	 * error without a body, writes a problem in its place. Answers leave in the order the
	 * requests came, so the oldest noted request is the one being answered.
	 */
	static final class EmptyErrorBodies extends ChannelDuplexHandler {

		private final GatewayProblems problems;

		private final Queue<Requested> requests = new ArrayDeque<>();

		EmptyErrorBodies(GatewayProblems problems) {
			this.problems = problems;
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (message instanceof HttpRequest request) {
				this.requests.add(new Requested(HttpMethod.HEAD.equals(request.method()), pathOf(request)));
			}
			context.fireChannelRead(message);
		}

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			if (message instanceof HttpResponse response && response.status().code() >= 200) {
				Requested requested = this.requests.poll();
				if (requested != null && !requested.head() && message instanceof FullHttpResponse empty
						&& response.status().code() >= 400 && !empty.content().isReadable()) {
					context.write(problemFor(empty, requested.path()), promise);
					empty.release();
					return;
				}
			}
			context.write(message, promise);
		}

		private FullHttpResponse problemFor(FullHttpResponse empty, String path) {
			HttpStatus status = HttpStatus.resolve(empty.status().code());
			if (status == null) {
				status = HttpStatus.INTERNAL_SERVER_ERROR;
			}
			byte[] body = switch (status) {
				case BAD_REQUEST -> this.problems.body(status, "malformed-request",
						"The gateway cannot read the request: it breaks the syntax of HTTP or of URIs.", path);
				case URI_TOO_LONG -> this.problems.body(status, "uri-too-long",
						"The request line is longer than the gateway reads (4 KiB).", path);
				case REQUEST_HEADER_FIELDS_TOO_LARGE -> this.problems.body(status, "request-header-fields-too-large",
						"The request's headers are larger than the gateway reads (8 KiB).", path);
				default ->
					this.problems.body(status, "internal-error", "The gateway failed; the log has the details.", path);
			};
			FullHttpResponse problem = empty.replace(Unpooled.wrappedBuffer(body));
			problem.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
				.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
			if (!problem.headers().contains(ServedByGateway.SERVED_BY)) {
				problem.headers().set(ServedByGateway.SERVED_BY, ServedByGateway.GATEWAY);
			}
			return problem;
		}

		/**
		 * The path of a request, or null when Netty could not read its request line: it
		 * then passes on a full request of its own in place of the one that failed.
		 */
		private static String pathOf(HttpRequest request) {
			if ((request instanceof FullHttpRequest && request.decoderResult().isFailure())
					|| !request.uri().startsWith("/")) {
				return null;
			}
			String uri = request.uri();
			int end = uri.length();
			for (char delimiter : new char[] { '?', '#' }) {
				int at = uri.indexOf(delimiter);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			return uri.substring(0, end);
		}

		/** What the answer to one request needs to know about it. */
		private record Requested(boolean head, String path) {

		}

	}

}
