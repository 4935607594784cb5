package shop.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the parallel run on, product reads are answered by the chosen side and compared
 * with the other side in the background: equal answers count as matches, a planted
 * difference counts as a mismatch and is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class ParallelRunIntegrationTests extends GatewayIntegrationTest {

	private static final String PRODUCT = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	@Autowired
	MeterRegistry meters;

	@Test
	void countsNoMismatchWhenBothSidesAnswerTheSame() {
		setPolicy(0, true, CutoverPolicy.Fallback.NONE);
		double matches = count("shop.gateway.parallel.matches");
		double mismatches = count("shop.gateway.parallel.mismatches");
		int shadowCalls = CATALOG_SERVICE.requests();

		HttpResponse<String> response = get(PRODUCT);

		assertThat(servedBy(response)).isEqualTo("monolith");
		await().atMost(Duration.ofSeconds(10)).until(() -> count("shop.gateway.parallel.matches") > matches);
		assertThat(count("shop.gateway.parallel.mismatches")).isEqualTo(mismatches);
		assertThat(CATALOG_SERVICE.requests()).isEqualTo(shadowCalls + 1);
	}

	@Test
	void countsAndLogsAPlantedMismatch(CapturedOutput output) {
		setPolicy(100, true, CutoverPolicy.Fallback.NONE);
		CATALOG_SERVICE.answerDifferently(true);
		double mismatches = count("shop.gateway.parallel.mismatches");

		HttpResponse<String> response = get(PRODUCT);

		assertThat(servedBy(response)).isEqualTo("catalog-service");
		assertThat(response.body()).contains("\"amount\":1300");
		await().atMost(Duration.ofSeconds(10)).until(() -> count("shop.gateway.parallel.mismatches") > mismatches);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("Parallel run mismatch on route catalog for GET " + PRODUCT));
		assertThat(output.getOut()).contains("\"amount\":1300").contains("\"amount\":1250");
	}

	@Test
	void comparesNothingWhenTheParallelRunIsOff() {
		int shadowCalls = CATALOG_SERVICE.requests();

		get(PRODUCT);
		get(PRODUCT);

		assertThat(CATALOG_SERVICE.requests()).isEqualTo(shadowCalls);
	}

	private double count(String counter) {
		return this.meters.counter(counter, "route", Cutover.CATALOG).count();
	}

}
