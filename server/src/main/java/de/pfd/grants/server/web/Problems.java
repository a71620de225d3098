package de.pfd.grants.server.web;

import java.io.IOException;
import java.net.URI;

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

	private Problems() {
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
