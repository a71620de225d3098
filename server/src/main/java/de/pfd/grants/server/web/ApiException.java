package de.pfd.grants.server.web;

import org.springframework.http.HttpStatus;

import de.pfd.grants.shared.error.ErrorCode;

/** A refusal decided in the HTTP layer (unknown or foreign resource, bad parameter). */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final ErrorCode code;

	private final String field;

	public ApiException(HttpStatus status, ErrorCode code, String message, String field) {
		super(message);
		this.status = status;
		this.code = code;
		this.field = field;
	}

	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, what + " nicht gefunden / not found", null);
	}

	public static ApiException badInput(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, message, field);
	}

	public HttpStatus status() {
		return this.status;
	}

	public ErrorCode code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

}
