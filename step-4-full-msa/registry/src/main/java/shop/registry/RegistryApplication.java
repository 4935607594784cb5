package shop.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.config.server.EnableConfigServer;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

/**
 * The step's service registry and config server, in one JVM.
 * <p>
 * Registry: each service registers its address under its {@code spring.application.name}
 * and renews the lease every few seconds; the gateway fetches the list and sends
 * {@code lb://<name>} to one of the instances. A service that stops renewing (killed, cut
 * off) is dropped when its lease runs out.
 * <p>
 * Config server: each service asks {@code /config/<name>/default} at start, and again on
 * {@code POST /actuator/refresh}, for the settings in the step's {@code config/} folder:
 * {@code application.yml} for every service, {@code <name>.yml} for one.
 */
@SpringBootApplication
@EnableEurekaServer
@EnableConfigServer
public class RegistryApplication {

	public static void main(String[] args) {
		SpringApplication.run(RegistryApplication.class, args);
	}

}
