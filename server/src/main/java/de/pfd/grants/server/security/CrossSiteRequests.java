package de.pfd.grants.server.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before anything else runs, a write that a browser sends for a foreign page:
 * <ul>
 * <li>with {@code Sec-Fetch-Site} (every current browser sends it) only
 * {@code same-origin} and {@code none} (typed by the user) pass;</li>
 * <li>without it, an {@code Origin} whose host and port are not this server's is
 * refused;</li>
 * <li>a write to the API with a body a plain HTML form can send
 * ({@code application/x-www-form-urlencoded}, {@code multipart/form-data},
 * {@code text/plain}) is refused as well: the API reads JSON or nothing.</li>
 * </ul>
 * A client that is not a browser sends neither header and passes; the session's CSRF
 * token and SameSite cookies are the next line. Reading is not affected.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
			"text/plain");

	private final ObjectMapper json;

	CrossSiteRequests(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		if (crossSite(request)) {
			Problems.write(response, this.json, HttpStatus.FORBIDDEN, null,
					"Anfrage einer fremden Website abgelehnt / cross-site request refused");
			return;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && formBody(request)) {
			Problems.write(response, this.json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null,
					"Die API nimmt nur JSON an (Content-Type: application/json) / the API accepts JSON only");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean crossSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return !(site.equals("same-origin") || site.equals("none"));
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return false;
		}
		try {
			URI uri = URI.create(origin);
			if (uri.getHost() == null) {
				// "null": a sandboxed frame, a file, a privacy redirect
				return true;
			}
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			return !(uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort());
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	private static boolean formBody(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		int parameters = type.indexOf(';');
		String media = (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
		return FORM_TYPES.contains(media);
	}

}
