package workshop.cli.control;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import workshop.cli.Terminal;
import workshop.cli.control.PrometheusText.Sample;
import workshop.cli.control.StepStatus.AppStatus;
import workshop.cli.control.StepStatus.DeadLetterStatus;
import workshop.cli.control.StepStatus.DeadLetterTopic;
import workshop.cli.control.StepStatus.Figures;
import workshop.cli.control.StepStatus.ServerStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sections of {@code ./workshop status} on dead letters (one aligned line per topic,
 * the command that replays what waits, and one line when nothing is known) and on the key
 * figures.
 */
class StatusViewTests {

	private final StatusView view = new StatusView(Terminal.plain());

	@Test
	void listsEachDeadLetterTopicWithWhatWaitsAndHowToReplayIt() {
		DeadLetterStatus deadLetters = new DeadLetterStatus(List
			.of(new DeadLetterTopic("inventory.reserve-stock.DLT", 1), new DeadLetterTopic("payments.charge.DLT", 0)),
				null);

		assertThat(this.view.deadLetters(deadLetters)).containsExactly("DEAD LETTERS",
				"inventory.reserve-stock.DLT  1 waiting  (./workshop replay inventory.reserve-stock.DLT)",
				"payments.charge.DLT          0 waiting");
	}

	@Test
	void saysNoneWhenTheBrokerHasNoDeadLetterTopic() {
		assertThat(this.view.deadLetters(new DeadLetterStatus(List.of(), null))).containsExactly("DEAD LETTERS",
				"none");
	}

	@Test
	void saysInOneLineWhyTheDeadLettersAreNotKnown() {
		DeadLetterStatus deadLetters = new DeadLetterStatus(List.of(),
				"kafka is killed: ./workshop start kafka starts it again.");

		assertThat(this.view.deadLetters(deadLetters)).containsExactly("DEAD LETTERS",
				"kafka is killed: ./workshop start kafka starts it again.");
	}

	@Test
	void printsTheSectionAfterTheServersOnlyForAStepWithKafka() {
		ServerStatus kafka = new ServerStatus("kafka", "running", 42, "127.0.0.1:9092", "data .workshop/data/kafka");
		DeadLetterStatus none = new DeadLetterStatus(List.of(), null);

		String withKafka = print(status(List.of(kafka), none));
		String withoutKafka = print(status(List.of(), null));

		assertThat(withKafka).containsSubsequence("SERVER", "kafka", "DEAD LETTERS", "none");
		assertThat(withoutKafka).doesNotContain("DEAD LETTERS");
	}

	@Test
	void listsTheKeyFiguresOfEachAppOneLinePerSeriesAndTheLargestOfMany() {
		List<Sample> orders = List.of(new Sample("shop_orders", Map.of("status", "CONFIRMED"), 42),
				new Sample("shop_orders", Map.of("status", "PENDING"), 3),
				new Sample("shop_outbox_oldest_age_seconds", Map.of(), 1.5));
		List<Sample> lag = java.util.stream.IntStream.range(0, 6)
			.mapToObj((i) -> new Sample("kafka_consumer_fetch_manager_records_lag_max", Map.of("client_id", "c" + i),
					(i == 5) ? Double.NaN : i))
			.toList();

		assertThat(this.view
			.figures(List.of(new Figures("order-service", orders, null), new Figures("inventory-service", lag, null),
					new Figures("payment-service", List.of(), "payment-service is killed"))))
			.containsExactly("KEY FIGURES", "order-service      shop_orders{status=CONFIRMED}                 42",
					"order-service      shop_orders{status=PENDING}                   3",
					"order-service      shop_outbox_oldest_age_seconds                1.500",
					"inventory-service  kafka_consumer_fetch_manager_records_lag_max  4 (largest of 6 series)",
					"payment-service    (payment-service is killed)");
	}

	private static StepStatus status(List<ServerStatus> servers, DeadLetterStatus deadLetters) {
		AppStatus app = new AppStatus("delta", "running", 7, 8080, List.of("127.0.0.1"), "http://127.0.0.1:8080", 200,
				5, -1, null, List.of(), null);
		return new StepStatus("messaging", "An app and its broker", "http://127.0.0.1:8080/", "delta", null,
				List.of(app), servers, List.of(), deadLetters, List.of(), null);
	}

	private String print(StepStatus status) {
		StringWriter out = new StringWriter();
		this.view.print(status, new PrintWriter(out));
		return out.toString();
	}

}
