package workshop.contract;

import java.security.SecureRandom;

/**
 * Fresh SKUs, so that every run of the suite creates its own products and never collides
 * with seed data or with an earlier run against the same shop.
 */
final class Skus {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Skus() {
	}

	/**
	 * A SKU that no one has used: the prefix, a dash and ten random characters.
	 * @param prefix 1 to 29 characters of {@code A-Z}, {@code 0-9} and {@code -}
	 * @return a valid SKU (3-40 characters of {@code A-Z}, {@code 0-9} and {@code -})
	 */
	static String fresh(String prefix) {
		if (!prefix.matches("[A-Z0-9-]{1,29}")) {
			throw new IllegalArgumentException(
					"A SKU prefix is 1-29 characters of A-Z, 0-9 and '-', not '" + prefix + "'");
		}
		StringBuilder sku = new StringBuilder(prefix).append('-');
		for (int i = 0; i < 10; i++) {
			sku.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sku.toString();
	}

}
