package shop.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator's HTTP Basic login, under {@code shop.admin.*}. The gateway checks it
 * and the services never see it: they get a signed token that says who logged in.
 *
 * @param username the administrator's name
 * @param password the administrator's password
 */
@ConfigurationProperties("shop.admin")
record AdminLogin(String username, String password) {

	/**
	 * Whether a login is the administrator's. Compares every byte whatever the first
	 * difference, so the time it takes tells a guesser nothing.
	 * @param username the name sent
	 * @param password the password sent
	 * @return true for the administrator's name and password
	 */
	boolean matches(String username, String password) {
		boolean name = MessageDigest.isEqual(bytes(this.username), bytes(username));
		boolean secret = MessageDigest.isEqual(bytes(this.password), bytes(password));
		return name & secret;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
