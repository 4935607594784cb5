package shop.catalog.cdc;

import java.net.URI;

/**
 * How to reach one PostgreSQL database as a given user.
 *
 * @param jdbcUrl {@code jdbc:postgresql://<host>:<port>/<database>}
 * @param username the user
 * @param password its password
 */
public record DatabaseLogin(String jdbcUrl, String username, String password) {

	/**
	 * The database's name, from the URL.
	 * @return for example {@code shop}
	 */
	public String database() {
		String path = address().getPath();
		return path.substring(1);
	}

	String host() {
		return address().getHost();
	}

	int port() {
		int port = address().getPort();
		return (port != -1) ? port : 5432;
	}

	private URI address() {
		return URI.create(this.jdbcUrl.substring("jdbc:".length()).replaceFirst("\\?.*$", ""));
	}

}
