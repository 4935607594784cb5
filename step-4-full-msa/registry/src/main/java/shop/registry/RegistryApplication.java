package shop.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

/**
 * The step's service registry. Each service registers its address under its
 * {@code spring.application.name} and renews the lease every few seconds; the gateway
 * fetches the list and sends {@code lb://<name>} to one of the instances. A service that
 * stops renewing (killed, cut off) is dropped when its lease runs out.
 */
@SpringBootApplication
@EnableEurekaServer
public class RegistryApplication {

	public static void main(String[] args) {
		SpringApplication.run(RegistryApplication.class, args);
	}

}
