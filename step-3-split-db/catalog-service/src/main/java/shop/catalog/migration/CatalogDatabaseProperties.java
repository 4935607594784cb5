package shop.catalog.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import shop.catalog.cdc.DatabaseLogin;

/**
 * The catalog's own database, under {@code shop.catalog.database.*}, as its
 * administrator: the login migrates it and streams it. The service works in it as its
 * role ({@code shop.database.*}), as in the old home.
 *
 * @param url its JDBC URL
 * @param username the administrator
 * @param password the administrator's password
 */
@ConfigurationProperties("shop.catalog.database")
public record CatalogDatabaseProperties(String url, String username, String password) {

	DatabaseLogin login() {
		return new DatabaseLogin(this.url, this.username, this.password);
	}

}
