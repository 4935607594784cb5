package workshop.contract;

import java.net.URI;

/**
 * The whole shop API contract as one JUnit test class to extend. A step runs the suite
 * against its front door with one small class:
 *
 * <pre class="code">
 * &#64;SpringBootTest(webEnvironment = RANDOM_PORT)
 * class ShopContractTests extends ShopContract {
 *
 *     &#64;LocalServerPort
 *     int port;
 *
 *     &#64;Override
 *     protected URI baseUrl() {
 *         return URI.create("http://localhost:" + this.port);
 *     }
 *
 * }
 * </pre>
 *
 * The tests are the default methods of the {@link ContractSection sections} this class
 * implements (test interfaces, rather than {@code @Nested} classes: a nested class
 * declared here would get its own Spring test context instead of the step's). Each test
 * creates its own products and stock through the admin API, so the suite runs in any
 * order, any number of times, against the same running shop. The system property
 * {@code shop.base-url} points it at another shop; see {@link ContractSettings} for every
 * property.
 */
public abstract class ShopContract implements ProductCatalogContract, ProductAdministrationContract, InventoryContract,
		OrderPlacementContract, OrderCancellationContract, IdempotencyContract, LastUnitContract, OrderInputContract,
		HttpBasicsContract, MalformedRequestContract, StorefrontContract {

	/**
	 * The front door of the step under test.
	 * @return the base URL, such as {@code http://localhost:8080}
	 */
	protected abstract URI baseUrl();

	/**
	 * The shop under test: at {@code shop.base-url} when that property is set, else at
	 * {@link #baseUrl()}.
	 * @return a client of the shop, never null
	 */
	@Override
	public final ShopClient shop() {
		return new ShopClient(ContractSettings.baseUrlOverride().orElseGet(this::baseUrl));
	}

}
