package shop.catalog.migration;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The catalog's home, the one data source the service's repositories use: the old home's
 * connections in phase A, the catalog's own database's from phase B on. A connection
 * taken before the switch stays where it was taken.
 */
public class HomeDataSource extends AbstractRoutingDataSource {

	private volatile Phase phase;

	HomeDataSource(DataSource oldHome, DataSource ownDatabase, Phase phase) {
		setTargetDataSources(Map.of(false, oldHome, true, ownDatabase));
		this.phase = phase;
	}

	void switchTo(Phase phase) {
		this.phase = phase;
	}

	@Override
	protected Object determineCurrentLookupKey() {
		return this.phase.servedByOwnDatabase();
	}

}
