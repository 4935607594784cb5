package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ShopResponseTests {

	@Test
	void readsLocationPathWhetherAbsoluteOrRelative() {
		assertThat(withLocation("http://localhost:8080/api/orders/42").locationPath()).isEqualTo("/api/orders/42");
		assertThat(withLocation("/api/orders/42").locationPath()).isEqualTo("/api/orders/42");
	}

	@Test
	void hasNoLocationPathWithoutLocation() {
		ShopResponse response = new ShopResponse("GET", "/", 200, HttpHeaders.of(Map.of(), (name, value) -> true), "");

		assertThat(response.locationPath()).isNull();
	}

	private static ShopResponse withLocation(String location) {
		HttpHeaders headers = HttpHeaders.of(Map.of("Location", List.of(location)), (name, value) -> true);
		return new ShopResponse("POST", "/api/orders", 201, headers, "");
	}

}
