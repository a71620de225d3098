package de.pfd.grants.server.web;

import org.springframework.http.HttpStatus;

import de.pfd.grants.shared.error.ErrorCode;

/** 429 with {@code Retry-After}: too many requests of a kind in a while. */
public class TooManyRequests extends ApiException {

	private final long retryAfterSeconds;

	public TooManyRequests(String message, long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS, message, null);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
