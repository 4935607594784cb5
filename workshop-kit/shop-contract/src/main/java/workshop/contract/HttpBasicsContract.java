package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What holds for every endpoint: unknown paths and methods get problems too, and every
 * answer, success or error, names the application that served it.
 */
public interface HttpBasicsContract extends ContractSection {

	@Test
	default void answersNotFoundProblemForUnknownPath() {
		assertProblem(shop().get("/api/no-such-endpoint"), 404, "not-found");
	}

	@Test
	default void answersMethodNotAllowedForKnownPathWithWrongMethod() {
		Product product = shop().createProduct("METHOD", 1200);

		assertProblem(shop().call("DELETE", "/api/products").asAdmin().send(), 405, "method-not-allowed");
		assertProblem(shop().call("DELETE", "/api/products/" + product.id()).asAdmin().send(), 405,
				"method-not-allowed");
		assertThat(shop().product(product.id())).isEqualTo(product);
	}

	@Test
	default void namesTheServingAppOnSuccessAndOnError() {
		Product product = shop().createProduct("SERVEDBY", 1200);
		List<ShopResponse> answers = List.of(shop().get("/api/products"), shop().get("/api/products/" + product.id()),
				shop().get("/api/inventory/" + product.sku()), shop().get("/api/products/not-a-uuid"),
				shop().get("/api/orders/" + UUID.randomUUID()), shop().get("/api/no-such-endpoint"),
				shop().call("POST", "/api/products").body("application/json", "{}").send());

		assertThat(answers).extracting(ShopResponse::status).containsExactly(200, 200, 200, 400, 404, 404, 401);
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.header("X-Served-By")).as("%s", answer)
			.hasValueSatisfying((app) -> assertThat(app).isNotBlank()));
	}

}
