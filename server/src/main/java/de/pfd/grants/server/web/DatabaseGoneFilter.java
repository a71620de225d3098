package de.pfd.grants.server.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.persistence.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Outside the session filter: a request whose session (or signed-in account) cannot be
 * read because the database is gone is answered 503 with {@code Retry-After}, like every
 * other request then, never 500.
 */
public final class DatabaseGoneFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseGoneFilter.class);

	private final ObjectMapper json;

	public DatabaseGoneFilter(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("database unavailable: {}", ex.getClass().getSimpleName());
			response.resetBuffer();
			Problems.writeUnavailable(response, this.json);
		}
	}

}
