package shop.gateway;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP client for the calls the gateway makes on its own, outside the routes: the
 * shadow calls of the parallel run and the fallback to the monolith.
 */
@Configuration(proxyBeanMethods = false)
class BackendClient {

	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	@Bean
	WebClient backendWebClient(GatewayProperties properties) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
			.responseTimeout(properties.timeout());
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
