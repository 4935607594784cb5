package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class RawCallTests {

	@Test
	void sendsTheTargetByteForByteAndReadsAChunkedAnswer() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> answerOnce(server,
					"HTTP/1.1 400 \r\nContent-Type: application/problem+json\r\nTransfer-Encoding: chunked\r\n\r\n"
							+ "5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n"));
			URI baseUrl = URI.create("http://127.0.0.1:" + server.getLocalPort());

			ShopResponse answer = new ShopClient(baseUrl).raw("GET", "/api/inventory/a%zz\u0000b")
				.header("X-Note", "a\u0001b")
				.send();

			assertThat(received.get()).first().isEqualTo("GET /api/inventory/a%zz\u0000b HTTP/1.1");
			assertThat(received.get()).contains("X-Note: a\u0001b", "Connection: close");
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(answer.body()).isEqualTo("{\"a\": 1}");
			assertThat(answer.path()).isEqualTo("/api/inventory/a%zz\u0000b");
		}
	}

	/** Reads one request's head, writes the answer and closes. */
	private static List<String> answerOnce(ServerSocket server, String answer) {
		try (Socket socket = server.accept()) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			List<String> head = new ArrayList<>();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				head.add(line);
			}
			OutputStream out = socket.getOutputStream();
			out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return head;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
