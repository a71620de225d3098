package de.pfd.grants.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI grantsOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Fördermittel – Partnerschaften für Demokratie")
				.version("0.1")
				.description("Action fund and youth fund of a partnership: applications, decisions, money. "
						+ "Money is a decimal number of euros with at most two decimals. Errors are RFC 9457 "
						+ "problem details with a code and per-field errors. Writes accept an Idempotency-Key."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
	}

}
