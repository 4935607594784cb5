package shop.catalog.cdc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's change stream, from its own database to the topic
 * {@code catalog.products}, and the wait of administrators' writes for the stream's
 * subscribers.
 */
@Configuration(proxyBeanMethods = false)
class ChangeStreamConfiguration {

	@Bean
	ChangeStreams changeStreams(CdcProperties cdc) {
		return new ChangeStreams(cdc);
	}

	@Bean
	SubscribersWait subscribersWait(ChangeStreams streams) {
		return streams.subscribersWait();
	}

	@Bean
	CatalogChangeStream catalogChangeStream(ChangeStreams streams, DataSourceProperties properties,
			ObjectProvider<JdbcConnectionDetails> given) {
		JdbcConnectionDetails details = given.getIfAvailable();
		DatabaseLogin administrator = (details != null)
				? new DatabaseLogin(details.getJdbcUrl(), details.getUsername(), details.getPassword())
				: new DatabaseLogin(properties.determineUrl(), properties.determineUsername(),
						properties.determinePassword());
		return new CatalogChangeStream(streams, administrator);
	}

}
