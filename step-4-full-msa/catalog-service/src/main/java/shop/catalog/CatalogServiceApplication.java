package shop.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The catalog as a service of its own: the catalog module with its web API and its
 * {@code catalog} schema, in a process of its own. It scans {@code shop}, so the copied
 * {@code shop.shared} code (problem details, security, filters) is part of it.
 */
@SpringBootApplication(scanBasePackages = "shop")
@ConfigurationPropertiesScan("shop")
public class CatalogServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CatalogServiceApplication.class, args);
	}

}
