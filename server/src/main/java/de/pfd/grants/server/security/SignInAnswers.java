package de.pfd.grants.server.security;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.persistence.DatabaseUnavailable;
import de.pfd.grants.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How a refused or failed sign-in is answered: problem details like every other error.
 * <p>
 * The 401 challenges with {@code WWW-Authenticate: Bearer realm="grants"}, which no
 * browser acts on. {@code Basic realm="grants"} is added only for a client that is not a
 * browser (no {@code Sec-Fetch-Mode}, no {@code Origin}, no HTML in {@code Accept}, no
 * session cookie), such as {@code wget} or a Java {@code Authenticator} that wait for the
 * challenge: a browser would open its password prompt and then send the typed credentials
 * with every request to the site, also with requests a foreign page makes it send.
 * Browsers sign in with the form.
 */
@Component
@ConditionalOnWebApplication
public class SignInAnswers {

	static final String REALM = "realm=\"grants\"";

	private final ObjectMapper json;

	SignInAnswers(ObjectMapper json) {
		this.json = json;
	}

	/** A request a browser sent: it gets no challenge that opens a password prompt. */
	public static boolean fromBrowser(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader(HttpHeaders.ORIGIN) != null
				|| (accept != null && accept.contains("text/html")) || request.getRequestedSessionId() != null;
	}

	/** For API requests: 401, 429 or 503 as problem details. */
	AuthenticationEntryPoint api() {
		return this::refuse;
	}

	/** For pages: a browser goes to the sign-in form, other clients as for the API. */
	AuthenticationEntryPoint pages() {
		return (request, response, ex) -> {
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			if (accept != null && accept.contains("text/html") && !(ex instanceof SignInThrottled)
					&& !DatabaseUnavailable.causedBy(ex)) {
				response.sendRedirect(request.getContextPath() + "/login");
				return;
			}
			refuse(request, response, ex);
		};
	}

	AccessDeniedHandler apiDenied() {
		return (request, response, denied) -> denied(response, denied);
	}

	void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (DatabaseUnavailable.causedBy(ex)) {
			// the account could not be read: not a wrong password
			unavailable(response);
			return;
		}
		if (ex instanceof SignInThrottled throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			Problems.write(response, this.json, HttpStatus.TOO_MANY_REQUESTS, null, throttled.message());
			return;
		}
		challenge(request, response);
		Problems.write(response, this.json, HttpStatus.UNAUTHORIZED, null,
				"Anmeldung erforderlich / authentication required");
	}

	void invalidToken(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM + ", error=\"invalid_token\"");
		Problems.write(response, this.json, HttpStatus.UNAUTHORIZED, null,
				"Das Zugangstoken ist ungültig, abgelaufen oder widerrufen / "
						+ "the access token is invalid, expired or revoked");
	}

	void unavailable(HttpServletResponse response) throws IOException {
		Problems.writeUnavailable(response, this.json);
	}

	void denied(HttpServletResponse response, AccessDeniedException denied) throws IOException {
		if (denied instanceof CsrfException) {
			Problems.write(response, this.json, HttpStatus.FORBIDDEN, null,
					"CSRF-Token fehlt oder ist ungültig: eine Anfrage mit Sitzungs-Cookie braucht den Header "
							+ "X-CSRF-TOKEN / missing or invalid CSRF token: a request with a session cookie needs "
							+ "the X-CSRF-TOKEN header");
			return;
		}
		Problems.write(response, this.json, HttpStatus.FORBIDDEN, null,
				"Keine Berechtigung / not allowed for your role");
	}

	private static void challenge(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM);
		if (!fromBrowser(request)) {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic " + REALM + ", charset=\"UTF-8\"");
		}
	}

}
