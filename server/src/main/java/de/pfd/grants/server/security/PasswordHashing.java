package de.pfd.grants.server.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are kept only as BCrypt hashes (cost 10: about 0.1 s of one core per check,
 * which is why a sign-in is checked once and not on every request). Also used by the
 * set-up command, which runs without the web layer.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final int COST = 10;

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(COST);
	}

}
