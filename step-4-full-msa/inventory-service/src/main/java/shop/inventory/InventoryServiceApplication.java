package shop.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The inventory as a service of its own: the stock of each SKU in a database of its own,
 * counted over HTTP by an administrator, and reserved, taken and released for orders on
 * commands that arrive over Kafka. It scans {@code shop}, so the copied
 * {@code shop.shared} code (problem details, security, messaging) is part of it.
 */
@SpringBootApplication(scanBasePackages = "shop")
@ConfigurationPropertiesScan("shop")
public class InventoryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(InventoryServiceApplication.class, args);
	}

}
