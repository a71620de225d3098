package de.pfd.grants.server.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import io.micrometer.core.instrument.Counter;

/**
 * The adaptive password hash, counted: {@code grants.sign-in.password.checks} tells how
 * often a password was checked against its hash (the costly step of a sign-in).
 */
final class MeteredPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Counter checks;

	MeteredPasswordEncoder(PasswordEncoder delegate, Counter checks) {
		this.delegate = delegate;
		this.checks = checks;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		this.checks.increment();
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
