package shop.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as {@code ./workshop run} starts it: the servers are external, and
 * {@code spring.datasource.*} names the administrator. It migrates with that login and
 * works as {@code catalog_service}. Its change stream has names of its own, beside the
 * one of the tests' shared service.
 */
class ExternalDatabaseIntegrationTests extends CatalogServiceIntegrationTest {

	@Autowired
	JdbcConnectionDetails administrator;

	@Test
	void migratesAsTheAdministratorGivenAndWorksAsItsRole() throws Exception {
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CatalogServiceApplication.class).run(
				"--server.port=0", "--spring.jmx.enabled=false", "--workshop.infra=external",
				"--spring.datasource.url=" + this.administrator.getJdbcUrl(),
				"--spring.datasource.username=" + this.administrator.getUsername(),
				"--spring.datasource.password=" + this.administrator.getPassword(),
				"--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
				"--shop.cdc.name=external", "--shop.cdc.topic=external.catalog.products",
				"--spring.security.oauth2.resourceserver.jwt.public-key-location="
						+ GatewayTokens.publicKeyLocation())) {
			int port = ((WebServerApplicationContext) service).getWebServer().getPort();
			HttpResponse<String> products = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/products"))
					.header("Authorization", GatewayTokens.anonymous())
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(products.statusCode()).isEqualTo(200);
			assertThat(products.body()).contains("MUG-CLASSIC");
			assertThat(service.getBean(JdbcTemplate.class).queryForObject("select current_user", String.class))
				.isEqualTo("catalog_service");
		}
		finally {
			// the second service's stream leaves its slot behind; it would retain WAL
			new JdbcTemplate(new DriverManagerDataSource(this.administrator.getJdbcUrl(),
					this.administrator.getUsername(), this.administrator.getPassword()))
				.queryForList("select pg_drop_replication_slot(slot_name) from pg_replication_slots "
						+ "where slot_name = 'external_catalog'");
		}
	}

}
