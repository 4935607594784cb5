package shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The shop's monolith in step 2: inventory, orders and payments are still modules of one
 * process, each with its own package, its own schema and a published API. The catalog has
 * left for the catalog service; the catalog module that stays is its HTTP client and,
 * while the cutover runs, the product API in front of that client. Step 2 of the
 * migration.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
public class ShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

}
