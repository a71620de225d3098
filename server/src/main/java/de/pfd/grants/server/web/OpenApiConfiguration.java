package de.pfd.grants.server.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
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
						+ "problem details with a code and per-field errors. Writes accept an Idempotency-Key. "
						+ "Sign in with a personal access token (Bearer) or HTTP Basic."))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal access token from POST /api/account/tokens")));
	}

	/** Wherever HTTP Basic is accepted, a personal access token is too. */
	@Bean
	OpenApiCustomizer bearerWhereBasic() {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
				List<SecurityRequirement> security = operation.getSecurity();
				if (security != null && security.stream().anyMatch(r -> r.containsKey("basic"))
						&& security.stream().noneMatch(r -> r.containsKey("bearer"))) {
					operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
				}
			}));
		};
	}

}
