package shop.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * A response that copies the body on its way to the client, up to a limit, so the
 * parallel run can compare it afterwards. The client's bytes are not held back.
 */
class RecordingResponse extends ServerHttpResponseDecorator {

	private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

	private final int limit;

	private boolean truncated;

	RecordingResponse(ServerHttpResponse delegate, int limit) {
		super(delegate);
		this.limit = limit;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return super.writeWith(Flux.from(body).doOnNext(this::record));
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return super.writeAndFlushWith(Flux.from(body).map((part) -> Flux.from(part).doOnNext(this::record)));
	}

	private synchronized void record(DataBuffer buffer) {
		int length = buffer.readableByteCount();
		if (this.copy.size() + length > this.limit) {
			this.truncated = true;
			return;
		}
		ByteBuffer bytes = ByteBuffer.allocate(length);
		buffer.toByteBuffer(buffer.readPosition(), bytes, 0, length);
		this.copy.write(bytes.array(), 0, length);
	}

	/**
	 * The answer as the client got it.
	 * @return the answer, or null when the body was over the limit
	 */
	synchronized RecordedAnswer answer() {
		if (this.truncated || getStatusCode() == null) {
			return null;
		}
		return new RecordedAnswer(getStatusCode().value(), this.copy.toByteArray());
	}

}
