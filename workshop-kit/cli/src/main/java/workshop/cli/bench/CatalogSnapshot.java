package workshop.cli.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopException;
import workshop.cli.bench.Table.Row;
import workshop.cli.control.MigrateCommand;
import workshop.cli.manifest.App;

/**
 * How long the change stream takes to carry a large catalog, in phase A of a step with a
 * data migration: the bench writes {@value #PRODUCTS} inactive products into the database
 * the stream reads in one statement and times until the copy has them all, then asks for
 * an incremental snapshot ({@code POST /actuator/repair}) and times until the engine has
 * read the table again and the copy has applied every row it read. The step's target:
 * {@code snapshot-seconds}, for the snapshot applied.
 */
final class CatalogSnapshot implements Measure {

	static final int PRODUCTS = 100_000;

	private static final String TITLE = "Change data capture: " + PRODUCTS / 1000 + "k products streamed, then read "
			+ "again by a snapshot";

	private static final String EXPLANATION = "One INSERT of " + PRODUCTS + " inactive products into the database "
			+ "the stream reads (phase A: the old home), timed from its commit until the copy in the catalog's own "
			+ "database has every row (GET /actuator/migration); then POST /actuator/repair, an incremental "
			+ "snapshot of the whole table while the stream goes on, timed until the engine said COMPLETED and "
			+ "until the copy applied every row it read. The monolith's replica takes the same changes meanwhile.";

	private static final Duration GIVE_UP = Duration.ofMinutes(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// every product the bench adds is inactive, so the storefront's list stays as it was
	private static final String LOAD = """
			insert into catalog.products (id, sku, name, description, price_amount, price_currency, active)
			select gen_random_uuid(), 'SNAP-' || lpad(g::text, 6, '0'), 'Snapshot item ' || g, '', 100 + g %% 900,
			    'USD', false
			from generate_series(1, %d) g
			on conflict (sku) do nothing""";

	@Override
	public String name() {
		return "snapshot";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		App app = MigrateCommand.migratingApp(bench.step());
		URI service = StreamedDatabase.migratingService(bench);
		JsonNode migration = get(bench, service.resolve("/actuator/migration"));
		if (!"A".equals(migration.path("phase").asString())) {
			throw new WorkshopException("snapshot measures phase A, where a copy follows the stream; " + app.name()
					+ " is in phase " + migration.path("phase").asString() + ".");
		}
		int before = migration.path("reconciliation").path("ownDatabase").asInt();
		long loaded = System.nanoTime();
		load(bench, migration.path("stream").path("database").asString());
		await(bench, service.resolve("/actuator/migration"),
				(status) -> status.path("reconciliation").path("ownDatabase").asInt() >= before + PRODUCTS
						&& status.path("reconciliation").path("drifting").asInt() == 0);
		double streamed = seconds(System.nanoTime() - loaded);
		bench.progress("%d products streamed to the copy in %.1f s", PRODUCTS, streamed);

		long copiedBefore = copied(get(bench, service.resolve("/actuator/migration")));
		long asked = System.nanoTime();
		post(bench, service.resolve("/actuator/repair"));
		JsonNode done = await(bench, service.resolve("/actuator/repair"),
				(repair) -> !List.of("REQUESTED", "STARTED", "IN_PROGRESS", "PAUSED", "RESUMED", "TABLE_SCAN_COMPLETED")
					.contains(repair.path("state").asString()));
		if (!"COMPLETED".equals(done.path("state").asString())) {
			throw new WorkshopException(
					"The snapshot ended " + done.path("state").asString() + ": see the log of " + app.name() + ".");
		}
		double read = done.path("tookMillis").asLong() / 1000.0;
		long rows = done.path("rowsRead").asLong();
		await(bench, service.resolve("/actuator/migration"), (status) -> copied(status) >= copiedBefore + rows);
		double applied = seconds(System.nanoTime() - asked);
		bench.progress("snapshot read %d rows in %.1f s; the copy applied them %.1f s after the request", rows, read,
				applied);

		double target = bench.target("snapshot-seconds");
		return new Table(TITLE, EXPLANATION, List.of("what"), List.of("rows", "seconds", "rows/s", "target"), List.of(
				row("streamed (one INSERT)", PRODUCTS, streamed, ""),
				row("snapshot read by the engine", rows, read, ""), row("snapshot applied to the copy", rows, applied,
						String.format(Locale.ROOT, "%s (<= %.0f s)", (applied <= target) ? "met" : "missed", target))));
	}

	private static void load(BenchContext bench, String database) {
		try (Connection db = StreamedDatabase.named(bench, database, "snapshot").connect();
				Statement statement = db.createStatement()) {
			statement.executeUpdate(LOAD.formatted(PRODUCTS));
		}
		catch (SQLException ex) {
			throw new WorkshopException(
					"Loading " + PRODUCTS + " products into " + database + " failed: " + ex.getMessage(), ex);
		}
	}

	private static long copied(JsonNode migration) {
		JsonNode copier = migration.path("copier");
		return copier.path("applied").asLong() + copier.path("skipped").asLong();
	}

	private static JsonNode await(BenchContext bench, URI uri, Predicate<JsonNode> until) throws InterruptedException {
		long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
		while (true) {
			JsonNode status = get(bench, uri);
			if (until.test(status)) {
				return status;
			}
			if (System.nanoTime() > giveUpAt) {
				throw new WorkshopException("GET " + uri + " did not show the snapshot done within "
						+ GIVE_UP.toMinutes() + " minutes: " + status);
			}
			Thread.sleep(250);
		}
	}

	private static JsonNode get(BenchContext bench, URI uri) {
		HttpResponse<String> answer = bench.shop()
			.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build());
		if (answer.statusCode() != 200) {
			throw new WorkshopException("GET " + uri + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return JSON.readTree(answer.body());
	}

	private static void post(BenchContext bench, URI uri) {
		HttpResponse<String> answer = bench.shop()
			.send(HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", ShopRequests.ADMIN)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
		if (answer.statusCode() != 200) {
			throw new WorkshopException("POST " + uri + " answered " + answer.statusCode() + ": " + answer.body());
		}
	}

	private static Row row(String what, long rows, double seconds, String target) {
		return new Row(List.of(what), List.of(String.valueOf(rows), String.format(Locale.ROOT, "%.1f", seconds),
				String.format(Locale.ROOT, "%.0f", rows / seconds), target));
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
