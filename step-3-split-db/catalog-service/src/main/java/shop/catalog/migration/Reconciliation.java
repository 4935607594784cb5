package shop.catalog.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares the catalog's two copies, row by row: the products of the old home and of the
 * catalog's own database, each row by a digest of its business columns computed in SQL on
 * each side.
 */
class Reconciliation {

	/** The most drifting rows a report lists; the counts say how many there are. */
	static final int LISTED = 50;

	// tag::digests[]
	// every column but the source position, in one text, hashed by the database
	private static final String DIGESTS = """
			select id::text, md5(concat_ws('|', sku, name, description, price_amount, price_currency, active))
			from catalog.products""";

	// end::digests[]

	private final JdbcTemplate oldHome;

	private final JdbcTemplate ownDatabase;

	Reconciliation(DataSource oldHome, DataSource ownDatabase) {
		this.oldHome = new JdbcTemplate(oldHome);
		this.ownDatabase = new JdbcTemplate(ownDatabase);
	}

	/**
	 * Compares the two copies of {@code catalog.products}.
	 * @return the counts and the rows that differ, never null
	 */
	Report compare() {
		Map<String, String> old = digests(this.oldHome);
		Map<String, String> own = digests(this.ownDatabase);
		List<RowDrift> drift = new ArrayList<>();
		int drifting = 0;
		for (String id : new TreeSet<>(union(old, own))) {
			String problem = problem(old.get(id), own.get(id));
			if (problem != null) {
				drifting++;
				if (drift.size() < LISTED) {
					drift.add(new RowDrift(id, problem));
				}
			}
		}
		return new Report("catalog.products", old.size(), own.size(), drifting, drift);
	}

	/**
	 * The rows of the catalog's own database that the old home does not have. The own
	 * database is read first: a row it has came from the old home, so a row written to
	 * the old home in between is not taken for one of these.
	 * @return their ids, never null
	 */
	List<String> onlyInOwnDatabase() {
		Map<String, String> own = digests(this.ownDatabase);
		Map<String, String> old = digests(this.oldHome);
		return own.keySet().stream().filter((id) -> !old.containsKey(id)).toList();
	}

	private static String problem(String old, String own) {
		if (own == null) {
			return "missing in the catalog database";
		}
		if (old == null) {
			return "missing in the old home";
		}
		return old.equals(own) ? null : "differs";
	}

	private static List<String> union(Map<String, String> old, Map<String, String> own) {
		List<String> ids = new ArrayList<>(old.keySet());
		ids.addAll(own.keySet());
		return ids;
	}

	private static Map<String, String> digests(JdbcTemplate jdbc) {
		Map<String, String> digests = new TreeMap<>();
		jdbc.query(DIGESTS, (row) -> {
			digests.put(row.getString(1), row.getString(2));
		});
		return digests;
	}

	/**
	 * The comparison of one table.
	 *
	 * @param table the table
	 * @param oldHome its rows in the old home
	 * @param ownDatabase its rows in the catalog's own database
	 * @param drifting how many rows are missing on one side or differ
	 * @param drift the first {@value #LISTED} of them, by id
	 */
	record Report(String table, int oldHome, int ownDatabase, int drifting, List<RowDrift> drift) {

		boolean agree() {
			return this.drifting == 0;
		}

	}

	/**
	 * One row that is not the same on both sides.
	 *
	 * @param id the product id
	 * @param problem {@code missing in the catalog database}, {@code missing in the old
	 * home} or {@code differs}
	 */
	record RowDrift(String id, String problem) {

	}

}
