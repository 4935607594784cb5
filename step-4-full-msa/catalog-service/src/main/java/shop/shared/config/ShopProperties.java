package shop.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog service's own settings, under {@code shop.*} in {@code application.yml}.
 *
 * @param database the database role the service works as
 */
@ConfigurationProperties("shop")
public record ShopProperties(@DefaultValue Database database) {

	/**
	 * The service's own database role, created by its migration {@code V3} with grants on
	 * the schema {@code catalog} only. The defaults are for the workshop only.
	 *
	 * @param role the role's name, {@code catalog_service} by default (the migration
	 * creates this name)
	 * @param password its password, {@code catalog} by default
	 */
	public record Database(@DefaultValue("catalog_service") String role, @DefaultValue("catalog") String password) {
	}

}
