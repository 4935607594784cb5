package shop.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings, under {@code shop.gateway.*}. Wiring it to a step takes the
 * three backends' base URLs; everything else has a default.
 *
 * @param catalogUrl base URL of the catalog service, which answers every product endpoint
 * @param inventoryUrl base URL of the inventory service, which answers every stock
 * endpoint
 * @param orderUrl base URL of the order service, which answers every order endpoint
 * @param timeout the longest a backend may take to answer before the gateway gives up
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(URI catalogUrl, URI inventoryUrl, URI orderUrl, @DefaultValue("2s") Duration timeout) {

}
