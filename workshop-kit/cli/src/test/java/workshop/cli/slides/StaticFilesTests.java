package workshop.cli.slides;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file server behind {@code ./workshop slides}, over real HTTP on a loopback port.
 */
class StaticFilesTests {

	@TempDir
	Path folder;

	private HttpServer server;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void serveFolder() throws IOException {
		Path site = Files.createDirectories(this.folder.resolve("site/ko"));
		Files.writeString(site.resolve("index.html"), "<h1>deck</h1>");
		Files.writeString(this.folder.resolve("secret.txt"), "outside the site");
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", new StaticFiles(this.folder.resolve("site"), "/ko/index.html"));
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void servesAFileWithItsContentType() throws Exception {
		HttpResponse<String> response = get("/ko/index.html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(response.body()).isEqualTo("<h1>deck</h1>");
	}

	@Test
	void redirectsTheRootToTheStartPage() throws Exception {
		HttpResponse<String> response = get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/ko/index.html");
	}

	@Test
	void answersNotFoundForMissingFilesAndPathsOutsideTheFolder() throws Exception {
		assertThat(get("/en/index.html").statusCode()).isEqualTo(404);
		assertThat(get("/%2e%2e/secret.txt").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
		return this.client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

}
