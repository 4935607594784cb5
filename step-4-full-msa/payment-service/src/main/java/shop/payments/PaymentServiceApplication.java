package shop.payments;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Payments as a service of its own: every answer of the simulated provider in a database
 * of its own, given to the order service's commands to authorize and refund that arrive
 * over Kafka. It has no HTTP API of its own. It scans {@code shop}, so the copied
 * {@code shop.shared} code (problem details, security, messaging) is part of it.
 */
@SpringBootApplication(scanBasePackages = "shop")
@ConfigurationPropertiesScan("shop")
public class PaymentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentServiceApplication.class, args);
	}

}
