package workshop.cli.bench;

import java.net.URI;
import java.time.Duration;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bookkeeping of an order batch, with made-up times: what counts as pending, final
 * and an error, and the span the completion rate is measured over.
 */
class BatchLedgerTests {

	private static final long MS = Duration.ofMillis(1).toNanos();

	private static final URI ORDER = URI.create("http://localhost/api/orders/1");

	@Test
	void measuresFromTheFirstPostSentToTheLastOrderSeenFinal() {
		BatchLedger ledger = new BatchLedger(3);
		ledger.placed(0, 1000 * MS, 1002 * MS, "PENDING", ORDER);
		ledger.placed(1, 1001 * MS, 1003 * MS, "PENDING", ORDER);
		ledger.placed(2, 1002 * MS, 1004 * MS, "CONFIRMED", ORDER);
		ledger.read(0, 1050 * MS, "CONFIRMED");
		ledger.read(1, 1050 * MS, "PENDING");
		ledger.read(1, 1100 * MS, "CONFIRMED");

		BatchResult result = ledger.result(2, new Histogram(3));

		assertThat(result.spanNanos()).isEqualTo(100 * MS);
		assertThat(result.drainNanos()).isEqualTo(96 * MS);
		assertThat(result.completedPerSecond()).isCloseTo(30.0, within(1e-9));
		assertThat(result.confirmed()).isEqualTo(3);
		assertThat(result.errors()).isZero();
		assertThat(result.confirmedShare()).isEqualTo(1.0);
	}

	@Test
	void equalsThePostThroughputWhenEveryPostAnswersFinal() {
		BatchLedger ledger = new BatchLedger(4);
		for (int order = 0; order < 4; order++) {
			ledger.placed(order, order * 10 * MS, (order * 10 + 10) * MS, "CONFIRMED", ORDER);
		}

		BatchResult result = ledger.result(1, new Histogram(3));

		assertThat(ledger.pending()).isEmpty();
		assertThat(result.completedPerSecond()).isCloseTo(100.0, within(1e-9));
		assertThat(result.drainNanos()).isZero();
	}

	@Test
	void readsOnlyTheOrdersStillPending() {
		BatchLedger ledger = new BatchLedger(3);
		ledger.placed(0, 0, MS, "PENDING", ORDER);
		ledger.placed(1, 0, MS, "CONFIRMED", ORDER);
		ledger.placed(2, 0, MS, "PENDING", ORDER);
		ledger.read(2, 2 * MS, "REJECTED");

		assertThat(ledger.pending()).containsExactly(0);
	}

	@Test
	void countsEveryOrderNotConfirmedAsAnError() {
		BatchLedger ledger = new BatchLedger(5);
		ledger.placed(0, 0, MS, "CONFIRMED", ORDER);
		ledger.placed(1, 0, MS, "REJECTED", ORDER);
		ledger.placed(2, 0, MS, "PENDING", ORDER);
		ledger.placed(3, 0, MS, null, null);
		ledger.placed(4, 0, MS, "PENDING", ORDER);
		ledger.read(4, 2 * MS, null);

		BatchResult result = ledger.result(1, new Histogram(3));

		assertThat(result.confirmed()).isEqualTo(1);
		assertThat(result.otherFinal()).isEqualTo(1);
		assertThat(result.stillPending()).isEqualTo(1);
		assertThat(result.failed()).isEqualTo(2);
		assertThat(result.errors()).isEqualTo(4);
		assertThat(result.confirmedShare()).isEqualTo(0.2);
	}

	@Test
	void measuresNothingWhenNoOrderBecameFinal() {
		BatchLedger ledger = new BatchLedger(1);
		ledger.placed(0, 0, MS, "PENDING", ORDER);

		BatchResult result = ledger.result(1, new Histogram(3));

		assertThat(result.spanNanos()).isZero();
		assertThat(result.completedPerSecond()).isZero();
		assertThat(result.errors()).isEqualTo(1);
	}

}
