package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;
import static workshop.contract.Problems.fieldsOf;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;

/**
 * Every kind of bad input to {@code POST /api/orders}: each gets its problem and changes
 * nothing. "Nothing" is shown twice: the stock is as it was, and the
 * {@code Idempotency-Key} sent with the bad request is still free for a good one (had an
 * order been stored, the good request would be refused as a reuse or replayed).
 */
public interface OrderInputContract extends ContractSection {

	@Test
	default void rejectsBodyThatIsNotJson() {
		rejectsOrder((sku) -> "{\"customerEmail\": \"ada@example.com\", \"lines\": [", 400, "malformed-request");
	}

	@Test
	default void rejectsEmptyBody() {
		rejectsOrder((sku) -> "", 400, "malformed-request");
	}

	@Test
	default void rejectsWrongJsonTypes() {
		rejectsOrder((sku) -> """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "%s", "quantity": "two"}]}
				""".formatted(sku), 400, "malformed-request");
	}

	@Test
	default void rejectsOrderWithoutCustomerEmailNamingTheField() {
		JsonNode problem = rejectsOrder((sku) -> """
				{"lines": [{"sku": "%s", "quantity": 1}]}
				""".formatted(sku), 400, "validation-failed");
		assertThat(fieldsOf(problem)).containsExactly("customerEmail");
	}

	@Test
	default void rejectsOrderWithoutLinesNamingTheField() {
		JsonNode missing = rejectsOrder((sku) -> """
				{"customerEmail": "ada@example.com"}
				""", 400, "validation-failed");
		assertThat(fieldsOf(missing)).containsExactly("lines");
		JsonNode empty = rejectsOrder((sku) -> """
				{"customerEmail": "ada@example.com", "lines": []}
				""", 400, "validation-failed");
		assertThat(fieldsOf(empty)).containsExactly("lines");
	}

	@Test
	default void rejectsLineWithoutSkuOrQuantityNamingEachField() {
		JsonNode problem = rejectsOrder((sku) -> """
				{"customerEmail": "ada@example.com", "lines": [{"quantity": 1}, {"sku": "%s"}]}
				""".formatted(sku), 400, "validation-failed");
		assertThat(fieldsOf(problem)).containsExactlyInAnyOrder("lines[0].sku", "lines[1].quantity");
	}

	@Test
	default void rejectsQuantityBelowOneNamingEachLine() {
		JsonNode problem = rejectsOrder((sku) -> """
				{"customerEmail": "ada@example.com",
				 "lines": [{"sku": "%s", "quantity": 0}, {"sku": "%s", "quantity": -3}]}
				""".formatted(sku, Skus.fresh("OTHER")), 400, "validation-failed");
		assertThat(fieldsOf(problem)).containsExactlyInAnyOrder("lines[0].quantity", "lines[1].quantity");
	}

	@Test
	default void rejectsQuantityAboveOneThousand() {
		JsonNode problem = rejectsOrder((sku) -> """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "%s", "quantity": 1001}]}
				""".formatted(sku), 400, "validation-failed");
		assertThat(fieldsOf(problem)).containsExactly("lines[0].quantity");
	}

	@Test
	default void rejectsMoreThanFiftyLines() {
		JsonNode problem = rejectsOrder((sku) -> asJson(new NewOrder("ada@example.com",
				IntStream.range(0, 51)
					.mapToObj((i) -> new NewLine(Skus.fresh("MANY"), 1))
					.collect(Collectors.toList()))),
				400, "validation-failed");
		assertThat(fieldsOf(problem)).containsExactly("lines");
	}

	@Test
	default void rejectsSkuThatAppearsOnTwoLines() {
		JsonNode problem = rejectsOrder((sku) -> asJson(NewOrder.of(new NewLine(sku, 1), new NewLine(sku, 2))), 400,
				"validation-failed");
		assertThat(fieldsOf(problem)).containsExactly("lines[1].sku");
	}

	@Test
	default void rejectsInvalidCustomerEmail() {
		String wellFormedButTooLong = "ada@" + ("a".repeat(63) + ".").repeat(3) + "b".repeat(55) + ".com";
		for (String email : List.of("not-an-email", wellFormedButTooLong)) {
			JsonNode problem = rejectsOrder((sku) -> asJson(new NewOrder(email, List.of(new NewLine(sku, 1)))), 400,
					"validation-failed");
			assertThat(fieldsOf(problem)).as("e-mail of %d characters", email.length())
				.containsExactly("customerEmail");
		}
	}

	@Test
	default void rejectsUnknownSkuNamingTheLine() {
		JsonNode problem = rejectsOrder(
				(sku) -> asJson(NewOrder.of(new NewLine(sku, 1), new NewLine(Skus.fresh("UNKNOWN"), 1))), 422,
				"unknown-sku");
		assertThat(fieldsOf(problem)).containsExactly("lines[1].sku");
	}

	@Test
	default void rejectsSkuOfInactiveProduct() {
		Product retired = shop().createProduct("INACTIVE", 800);
		shop().setStock(retired.sku(), 5);
		ShopResponse deactivated = shop().call("PUT", "/api/products/" + retired.id())
			.asAdmin()
			.json(retired.withoutId().withActive(false))
			.send();
		assertThat(deactivated.status()).as("%s", deactivated).isEqualTo(200);

		JsonNode problem = rejectsOrder(
				(sku) -> asJson(NewOrder.of(new NewLine(sku, 1), new NewLine(retired.sku(), 1))), 422, "unknown-sku");

		assertThat(fieldsOf(problem)).containsExactly("lines[1].sku");
		assertThat(shop().stock(retired.sku())).isEqualTo(new Stock(retired.sku(), 5, 0, 5));
	}

	@Test
	default void rejectsBodyOverSixteenKibibytes() {
		rejectsOrder((sku) -> """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "%s", "quantity": 1}]}%s
				""".formatted(sku, " ".repeat(17 * 1024)), 413, "payload-too-large");
	}

	@Test
	default void rejectsBodyThatIsNotDeclaredJson() {
		rejectsOrder("text/plain", (sku) -> """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "%s", "quantity": 1}]}
				""".formatted(sku), 415, "unsupported-media-type");
	}

	/**
	 * Sends a bad {@code application/json} order; see
	 * {@link #rejectsOrder(String, BadBody, int, String)}.
	 * @param badBody the bad body, given the SKU of the fresh product
	 * @param status the expected status
	 * @param type the expected problem type
	 * @return the problem
	 */
	private JsonNode rejectsOrder(BadBody badBody, int status, String type) {
		return rejectsOrder("application/json", badBody, status, type);
	}

	/**
	 * Sends a bad order for a fresh product in stock, asserts the problem, and proves
	 * that nothing changed.
	 * @param contentType the {@code Content-Type} to send
	 * @param badBody the bad body, given the SKU of the fresh product
	 * @param status the expected status
	 * @param type the expected problem type
	 * @return the problem
	 */
	private JsonNode rejectsOrder(String contentType, BadBody badBody, int status, String type) {
		Product mug = shop().createProductWithStock("BADINPUT", 1250, 5);
		String key = UUID.randomUUID().toString();

		ShopResponse response = shop().call("POST", "/api/orders")
			.header("Idempotency-Key", key)
			.body(contentType, badBody.forSku(mug.sku()))
			.send();

		JsonNode problem = assertProblem(response, status, type);
		assertThat(shop().stock(mug.sku())).as("stock after %s", response).isEqualTo(new Stock(mug.sku(), 5, 0, 5));
		ShopResponse good = shop().call("POST", "/api/orders")
			.header("Idempotency-Key", key)
			.json(NewOrder.of(new NewLine(mug.sku(), 1)))
			.send();
		ShopClient.orderIdOf(good);
		assertThat(good.header("Idempotent-Replayed").orElse("false")).as("%s", good).isEqualTo("false");
		return problem;
	}

	private static String asJson(Object body) {
		return ShopClient.JSON.writeValueAsString(body);
	}

	/** A bad request body, written around the SKU of a product the test created. */
	@FunctionalInterface
	interface BadBody {

		String forSku(String sku);

	}

}
