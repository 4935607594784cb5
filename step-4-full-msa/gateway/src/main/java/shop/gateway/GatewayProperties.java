package shop.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings, under {@code shop.gateway.*}. The backends' addresses are not
 * among them: the gateway finds each backend's instances by name in the registry.
 *
 * @param timeout the longest a backend may take to answer before the gateway gives up
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(@DefaultValue("2s") Duration timeout) {

}
