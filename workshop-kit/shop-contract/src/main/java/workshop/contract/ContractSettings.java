package workshop.contract;

import java.net.URI;
import java.util.Optional;

/**
 * The knobs of the suite, read from system properties so that the same suite can be
 * pointed at any running shop without changing a line of it.
 *
 * <ul>
 * <li>{@code shop.base-url}: the shop to test, overriding the one the step names;</li>
 * <li>{@code shop.contract.admin-username} / {@code shop.contract.admin-password}: HTTP
 * Basic credentials of the admin API (default {@code admin} / {@code admin});</li>
 * <li>{@code shop.contract.decline-above}: the payment limit of the shop under test, in
 * minor units (default {@code 100000}, the shop's own default; at most the highest price,
 * 100,000,000).</li>
 * </ul>
 */
public final class ContractSettings {

	private ContractSettings() {
	}

	/**
	 * The base URL given by {@code shop.base-url}, if any.
	 * @return the URL, or empty when the property is not set
	 */
	public static Optional<URI> baseUrlOverride() {
		String url = System.getProperty("shop.base-url", "").trim();
		return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
	}

	static String adminUsername() {
		return System.getProperty("shop.contract.admin-username", "admin");
	}

	static String adminPassword() {
		return System.getProperty("shop.contract.admin-password", "admin");
	}

	/**
	 * The payment limit: an order whose total is above it is declined.
	 * @return the limit in minor units, from 1 to 100,000,000
	 */
	static long declineAbove() {
		String limit = System.getProperty("shop.contract.decline-above", "100000");
		try {
			long value = Long.parseLong(limit.trim());
			if (value >= 1 && value <= 100_000_000) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the fix
		}
		throw new IllegalArgumentException(
				"shop.contract.decline-above must be a whole number of minor units from 1 to 100000000 (a price the catalog accepts), not '"
						+ limit + "': set it to the shop's shop.payments.decline-above");
	}

}
