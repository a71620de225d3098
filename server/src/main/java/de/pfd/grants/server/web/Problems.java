package de.pfd.grants.server.web;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem details written by a filter (before any controller): the same shape as those of
 * {@link ApiExceptionHandler}.
 */
public final class Problems {

	/** What a client reads when the database is gone for the moment. */
	public static final String UNAVAILABLE = "Die Datenbank ist vorübergehend nicht erreichbar; "
			+ "bitte in einigen Sekunden erneut versuchen / the database is unavailable for the moment, retry shortly";

	/** How long a client should wait before it retries after a 503. */
	public static final String RETRY_AFTER_SECONDS = "5";

	private Problems() {
	}

	/** 503 with {@code Retry-After}: the database is gone for the moment. */
	public static void writeUnavailable(HttpServletResponse response, ObjectMapper json) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		write(response, json, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE, UNAVAILABLE);
	}

	public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, ErrorCode code,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		if (code != null) {
			problem.setProperty("code", code.name());
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
