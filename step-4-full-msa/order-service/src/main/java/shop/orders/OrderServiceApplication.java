package shop.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The orders as a service of its own: orders in a database of their own, priced from a
 * replica of the catalog fed by its change stream, and seen through to their final status
 * by commands to the inventory and payment services and their answers, over Kafka. It
 * scans {@code shop}, so the copied {@code shop.shared} code (problem details, security,
 * messaging) is part of it.
 */
@SpringBootApplication(scanBasePackages = "shop")
@ConfigurationPropertiesScan("shop")
public class OrderServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
