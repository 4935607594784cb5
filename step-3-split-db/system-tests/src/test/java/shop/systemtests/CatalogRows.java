package shop.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one copy of the catalog, each by a digest of what every copy holds (SKU,
 * name, price, active), read with SQL behind the apps' backs: two copies hold the same
 * products exactly when their digests are equal.
 */
final class CatalogRows {

	private CatalogRows() {
	}

	/**
	 * Reads the products whose SKU starts with a prefix.
	 * @param database a connection to the database that holds the table
	 * @param table {@code catalog.products} (the catalog's copies) or
	 * {@code catalog_replica.products} (the monolith's replica)
	 * @param skuPrefix the start of the SKUs to read
	 * @return each product's digest by its id
	 */
	static Map<String, String> digests(Connection database, String table, String skuPrefix) {
		String query = "select id::text, md5(concat_ws('|', sku, name, price_amount, price_currency, active)) from "
				+ table + " where sku like ?";
		Map<String, String> digests = new TreeMap<>();
		try (PreparedStatement statement = database.prepareStatement(query)) {
			statement.setString(1, skuPrefix + "%");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					digests.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read " + table + ": " + ex.getMessage(), ex);
		}
		return digests;
	}

	/**
	 * Reads the price of one product.
	 * @param database a connection to the database that holds the table
	 * @param table {@code catalog.products} or {@code catalog_replica.products}
	 * @param sku the product's SKU
	 * @return its price in cents, or -1 when the table has no such product
	 */
	static long price(Connection database, String table, String sku) {
		try (PreparedStatement statement = database
			.prepareStatement("select price_amount from " + table + " where sku = ? and active")) {
			statement.setString(1, sku);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : -1;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read " + table + ": " + ex.getMessage(), ex);
		}
	}

}
