package shop.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings, under {@code shop.gateway.*}. Wiring it to a step takes two
 * base URLs; everything else has a default.
 *
 * @param monolithUrl base URL of the monolith, which answers everything not yet moved
 * @param catalogUrl base URL of the catalog service, which answers every product endpoint
 * @param timeout the longest a backend may take to answer before the gateway gives up
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(URI monolithUrl, URI catalogUrl, @DefaultValue("2s") Duration timeout) {

}
