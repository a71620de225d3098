package de.pfd.grants.server.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.persistence.DatabaseUnavailable;
import de.pfd.grants.server.web.Problems;

/**
 * HTTP Basic for API clients; every /api endpoint needs an account, and each handler
 * checks the role it needs. Refusals are problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/api/partnerships")
				.permitAll()
				// registration and the links of e-mails: before anyone is signed in
				.requestMatchers(HttpMethod.POST, "/api/registrations", "/api/registrations/confirmation",
						"/api/password-resets", "/api/password-resets/confirmation", "/api/email-changes/confirmation")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> {
				if (DatabaseUnavailable.causedBy(ex)) {
					// the account could not be read: not a wrong password
					Problems.writeUnavailable(response, objectMapper);
					return;
				}
				response.setHeader("WWW-Authenticate", "Basic realm=\"grants\"");
				Problems.write(response, objectMapper, HttpStatus.UNAUTHORIZED, null,
						"Anmeldung erforderlich / authentication required");
			}))
			.exceptionHandling(ex -> ex.accessDeniedHandler((request, response, denied) -> Problems.write(response,
					objectMapper, HttpStatus.FORBIDDEN, null, "Keine Berechtigung / not allowed for your role")))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// stateless HTTP Basic clients send no cookies, so there is nothing to forge
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	SecurityFilterChain rest(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/v3/api-docs/**", "/swagger-ui.html",
					"/swagger-ui/**", "/actuator/health/**", "/actuator/info", "/error", "/vendor/**")
			.permitAll()
			// the pages behind the links of account mails (forms with CSRF tokens)
			.requestMatchers("/konto/**")
			.permitAll()
			.anyRequest()
			.hasRole(Role.STAFF.name())).httpBasic(basic -> {
			});
		return http.build();
	}

	/**
	 * URLs the firewall refuses (e.g. "//" or encoded slashes) are bad input, answered as
	 * a problem.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
		return (request, response, ex) -> Problems.write(response, objectMapper, HttpStatus.BAD_REQUEST, null,
				"Ungültige Adresse / malformed request URL");
	}

}
