package shop.catalog.migration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The phase, kept in the catalog's own database ({@code catalog.migration_phase}), so a
 * restart resumes in the same phase.
 */
class PhaseStore {

	private final JdbcTemplate jdbc;

	PhaseStore(DataSource ownDatabase) {
		this.jdbc = new JdbcTemplate(ownDatabase);
	}

	Phase read() {
		return Phase.valueOf(this.jdbc.queryForObject("select phase from catalog.migration_phase", String.class));
	}

	void save(Phase phase) {
		this.jdbc.update("update catalog.migration_phase set phase = ?, changed_at = now()", phase.name());
	}

}
