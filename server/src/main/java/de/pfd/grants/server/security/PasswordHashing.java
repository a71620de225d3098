package de.pfd.grants.server.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Passwords are kept only as BCrypt hashes (cost 10: about 0.1 s of one core per check,
 * which is why a sign-in is checked once and not on every request). Also used by the
 * set-up command, which runs without the web layer. Where there are metrics,
 * {@code grants.sign-in.password.checks} counts the checks.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final int COST = 10;

	@Bean
	PasswordEncoder passwordEncoder(ObjectProvider<MeterRegistry> meters) {
		PasswordEncoder bcrypt = new BCryptPasswordEncoder(COST);
		MeterRegistry registry = meters.getIfAvailable();
		if (registry == null) {
			return bcrypt;
		}
		return new MeteredPasswordEncoder(bcrypt,
				Counter.builder("grants.sign-in.password.checks")
					.description("Passwords checked against their adaptive hash (BCrypt)")
					.register(registry));
	}

}
