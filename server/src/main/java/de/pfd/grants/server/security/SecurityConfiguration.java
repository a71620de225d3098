package de.pfd.grants.server.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import java.util.Set;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.session.web.http.SessionRepositoryFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.web.DatabaseGoneFilter;
import de.pfd.grants.server.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may call what, and how they sign in:
 * <ul>
 * <li>browsers with the form ({@code /login}) and a session in the database, CSRF token
 * on every write;</li>
 * <li>API clients with a personal access token ({@code Authorization: Bearer}) or HTTP
 * Basic, per request and without a session;</li>
 * <li>failed sign-ins are throttled ({@link SignInThrottle}); writes sent for a foreign
 * page are refused first ({@link CrossSiteRequests}).</li>
 * </ul>
 * Every /api endpoint needs an account and each handler checks the role it needs.
 * Refusals are problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	/** Same origin only; no inline script or style; never framed. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager signIn, SignInAnswers answers,
			SessionSignIns sessions, AccessTokens tokens) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(signIn)
			.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/api/partnerships")
				.permitAll()
				// registration and the links of e-mails: before anyone is signed in
				.requestMatchers(HttpMethod.POST, "/api/registrations", "/api/registrations/confirmation",
						"/api/password-resets", "/api/password-resets/confirmation", "/api/email-changes/confirmation")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, answers), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(answers.api())
				.authenticationDetailsSource(ClientAddress::of))
			.exceptionHandling(
					ex -> ex.authenticationEntryPoint(answers.api()).accessDeniedHandler(answers.apiDenied()))
			.securityContext(context -> context.securityContextRepository(repository(sessions)))
			// a browser's session is used, never made here: it is made by signing in
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			// requests that bring their credentials cannot be forged by another site;
			// requests of a signed-in browser session need the token
			.csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
				.requireCsrfProtectionMatcher(SecurityConfiguration::cookieWrite));
		headers(http);
		return http.build();
	}

	@Bean
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager signIn, SignInAnswers answers,
			SessionSignIns sessions, AccessTokens tokens, SignInPageHandlers handlers) throws Exception {
		http.authenticationManager(signIn)
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
				.permitAll()
				.requestMatchers("/error", "/login")
				.permitAll()
				// the own account (e-mail, password, organisations, tokens)
				.requestMatchers("/konto", "/konto/email", "/konto/passwort-aendern", "/konto/tokens",
						"/konto/tokens/**")
				.authenticated()
				// the pages behind the links of account mails (forms with CSRF tokens)
				.requestMatchers("/konto/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						"/actuator/health/**", "/actuator/info", "/vendor/**", "/css/**", "/js/**", "/webjars/**",
						"/favicon.ico")
				.permitAll()
				// the start page: for visitors the funds and the money still available
				.requestMatchers(HttpMethod.GET, "/")
				.permitAll()
				// the portal's pages: what each user sees there is the use cases'
				// decision; members read the applications before their body in
				// /entscheidungen, without the applicant's grant file
				.requestMatchers("/antraege", "/antraege/**")
				.hasAnyRole(Role.APPLICANT.name(), Role.STAFF.name(), Role.AUDITOR.name())
				// the workspace: members decide, auditors read the figures and the
				// history, the rest is the staff's; the use cases check each item again
				.requestMatchers("/entscheidungen", "/entscheidungen/**")
				.hasRole(Role.MEMBER.name())
				.requestMatchers("/fonds", "/fonds/**", "/pruefung", "/pruefung/**")
				.hasAnyRole(Role.STAFF.name(), Role.AUDITOR.name())
				.anyRequest()
				.hasRole(Role.STAFF.name()))
			.formLogin(form -> form.loginPage("/login")
				.loginProcessingUrl("/login")
				.authenticationDetailsSource(ClientAddress::of)
				.successHandler(handlers.success())
				.failureHandler(handlers.failure()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?abgemeldet"))
			.addFilterBefore(new BearerTokenFilter(tokens, answers), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(answers.pages())
				.authenticationDetailsSource(ClientAddress::of))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(answers.pages()))
			.securityContext(context -> context.securityContextRepository(repository(sessions)))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()));
		headers(http);
		return http.build();
	}

	/** A write of a signed-in browser session (no credentials of its own). */
	static boolean cookieWrite(HttpServletRequest request) {
		return !SAFE.contains(request.getMethod()) && !SessionSignIns.carriesCredentials(request)
				&& request.getSession(false) != null;
	}

	private static SecurityContextRepository repository(SessionSignIns sessions) {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions);
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			// written only when the request came over TLS (directly or via the proxy)
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
			.crossOriginOpenerPolicy(
					coop -> coop.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions
				.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")));
	}

	/**
	 * The one way to sign in with a password (not a bean of its own: nothing else uses
	 * it).
	 */
	@Bean
	AuthenticationManager signIn(AccountStore accounts, PasswordEncoder passwords, VerifiedCredentials verified,
			SignInThrottle throttle) {
		return new ProviderManager(new PasswordSignIn(accounts, passwords, verified, throttle));
	}

	/** First of all filters: refused writes cost nothing, not even a session lookup. */
	@Bean
	FilterRegistrationBean<CrossSiteRequests> crossSiteRequests(ObjectMapper json) {
		FilterRegistrationBean<CrossSiteRequests> registration = new FilterRegistrationBean<>(
				new CrossSiteRequests(json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Right behind the session filter: a request with credentials sees no session. */
	@Bean
	FilterRegistrationBean<CredentialedRequests> credentialedRequests() {
		FilterRegistrationBean<CredentialedRequests> registration = new FilterRegistrationBean<>(
				new CredentialedRequests());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
				DispatcherType.FORWARD);
		return registration;
	}

	/** Around the session filter: a session that cannot be read is a 503. */
	@Bean
	FilterRegistrationBean<DatabaseGoneFilter> databaseGone(ObjectMapper json) {
		FilterRegistrationBean<DatabaseGoneFilter> registration = new FilterRegistrationBean<>(
				new DatabaseGoneFilter(json));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
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
