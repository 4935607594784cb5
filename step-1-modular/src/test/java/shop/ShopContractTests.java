package shop;

import java.net.URI;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import workshop.contract.ShopContract;

/**
 * The shop API contract, run against this step's front door: the monolith itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopContractTests extends ShopContract {

	@LocalServerPort
	int port;

	@Override
	protected URI baseUrl() {
		return URI.create("http://localhost:" + this.port);
	}

}
