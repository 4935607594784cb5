package workshop.contract;

/**
 * One section of the shop contract: an interface whose default methods are the tests of
 * one part of the API. {@link ShopContract} implements every section, so a step runs them
 * all by extending it.
 */
public interface ContractSection {

	/**
	 * The shop under test.
	 * @return a client of the shop's front door, never null
	 */
	ShopClient shop();

}
