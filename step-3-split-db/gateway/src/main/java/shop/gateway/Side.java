package shop.gateway;

/**
 * The two apps that can serve a strangled route. The names are the apps' own
 * {@code X-Served-By} names, which testers also use in the {@code X-Shop-Route} header.
 */
public enum Side {

	MONOLITH("monolith"), CATALOG_SERVICE("catalog-service");

	private final String appName;

	Side(String appName) {
		this.appName = appName;
	}

	/**
	 * The application name of this side, as in its {@code X-Served-By} header.
	 * @return never null
	 */
	public String appName() {
		return this.appName;
	}

	/**
	 * The side an application name stands for.
	 * @param appName a name such as {@code catalog-service}; may be null
	 * @return the side, or null when the name is no side
	 */
	public static Side ofAppName(String appName) {
		for (Side side : values()) {
			if (side.appName.equalsIgnoreCase(appName)) {
				return side;
			}
		}
		return null;
	}

}
