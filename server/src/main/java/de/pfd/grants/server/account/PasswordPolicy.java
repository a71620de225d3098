package de.pfd.grants.server.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.pfd.grants.server.web.ApiException;

/**
 * What a password must be: at least 12 characters, at most 72 bytes (what BCrypt reads),
 * no control characters, not one of the common passwords shipped with the product (nor
 * one of them with digits or signs appended), not the e-mail address.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	/** BCrypt reads at most 72 bytes; more would be silently cut. */
	public static final int MAX_BYTES = 72;

	private static final String LIST = "/security/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/** The policy outside a Spring context (the set-up command). */
	public static PasswordPolicy standard() {
		return new PasswordPolicy();
	}

	/** Why this password is refused, in German and English; empty if it is good. */
	public Optional<String> problem(String password, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("Bitte ein Passwort angeben / a password is required");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("Das Passwort braucht mindestens " + MIN_LENGTH + " Zeichen / at least " + MIN_LENGTH
					+ " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("Das Passwort darf höchstens " + MAX_BYTES
					+ " Bytes lang sein (etwa 60 Zeichen) / at most " + MAX_BYTES + " bytes");
		}
		if (password.chars().anyMatch(Character::isISOControl)) {
			return Optional.of("Das Passwort enthält ein Steuerzeichen / the password holds a control character");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String base = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
		if (this.common.contains(lower) || (base.length() >= 4 && this.common.contains(base))
				|| lower.chars().distinct().count() <= 2) {
			return Optional.of("Dieses Passwort ist zu häufig und leicht zu erraten / this password is too common");
		}
		if (email != null && !email.isBlank()) {
			String address = email.strip().toLowerCase(Locale.ROOT);
			String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
			if (lower.contains(address) || (local.length() >= 4 && lower.startsWith(local))) {
				return Optional
					.of("Das Passwort darf nicht die E-Mail-Adresse enthalten / the password must not contain the e-mail address");
			}
		}
		return Optional.empty();
	}

	/** Refuses a bad password with a field error (400). */
	public void check(String password, String email, String field) {
		problem(password, email).ifPresent(message -> {
			throw ApiException.badInput(field, message);
		});
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>(65536);
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
			if (in == null) {
				throw new IllegalStateException("missing " + LIST);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = reader.readLine()) != null;) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
