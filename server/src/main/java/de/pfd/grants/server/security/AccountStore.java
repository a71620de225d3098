package de.pfd.grants.server.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Accounts in the {@code app_user} table. People sign in with the user name or with their
 * verified e-mail address (stored lower-case).
 */
@Component
public class AccountStore implements UserDetailsService {

	private static final String COLUMNS = """
			username, password_hash, role, partnership_id, decision_body, display_name, organisation, enabled,
			email, administrator""";

	private static final RowMapper<GrantsUser> USER = (rs, i) -> {
		String body = rs.getString("decision_body");
		return new GrantsUser(rs.getString("username"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), new PartnershipId(rs.getString("partnership_id")),
				body == null ? null : DecisionBodyType.valueOf(body), rs.getString("display_name"),
				rs.getString("organisation"), rs.getBoolean("enabled"), rs.getString("email"),
				rs.getBoolean("administrator"));
	};

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	AccountStore(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public GrantsUser loadUserByUsername(String login) {
		if (login == null || login.isBlank() || login.length() > 320) {
			throw new UsernameNotFoundException("unknown user");
		}
		List<GrantsUser> found = login.contains("@")
				? this.jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE email = ?", USER, normalisedEmail(login))
				: this.jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", USER, login);
		return found.stream().findFirst().orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	/** The account of this user name, if it exists. */
	public Optional<GrantsUser> byUsername(String username) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", USER, username)
			.stream()
			.findFirst();
	}

	/** The account with this e-mail address (verified or not), if any. */
	public Optional<GrantsUser> byEmail(String email) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE email = ?", USER, normalisedEmail(email))
			.stream()
			.findFirst();
	}

	/** The accounts of a partnership, by display name. */
	public List<GrantsUser> of(PartnershipId partnership) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE partnership_id = ? ORDER BY display_name",
				USER, partnership.value());
	}

	/** The account's verified e-mail address, if it has one. */
	public Optional<String> emailOf(String username) {
		return this.jdbc
			.queryForList("SELECT email FROM app_user WHERE username = ? AND email_verified_at IS NOT NULL",
					String.class, username)
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	/** Whether this account may register further partnerships of the installation. */
	public boolean isPlatformAdministrator(String username) {
		return Boolean.TRUE.equals(
				this.jdbc
					.query("SELECT platform_administrator FROM app_user WHERE username = ?",
							(rs, i) -> rs.getBoolean(1), username)
					.stream()
					.findFirst()
					.orElse(false));
	}

	/** The set-up's first administrator also runs the installation. */
	public void makePlatformAdministrator(String username) {
		this.jdbc.update("UPDATE app_user SET platform_administrator = TRUE WHERE username = ?", username);
	}

	/** Whether any account of the installation is an administrator. */
	public boolean administratorExists() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE administrator", Integer.class) > 0;
	}

	/**
	 * Creates the account unless one of that name exists; returns whether it was created.
	 */
	public boolean createIfAbsent(GrantsUser user) {
		Instant now = Instant.now();
		return this.jdbc.update("""
				INSERT INTO app_user (username, password_hash, role, partnership_id, decision_body, display_name,
				    organisation, enabled, created_at, email, email_verified_at, administrator)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", user.username(), user.passwordHash(), user.role().name(),
				user.partnershipId().value(), user.decisionBody() == null ? null : user.decisionBody().name(),
				user.displayName(), user.organisation(), user.enabled(), now.atOffset(ZoneOffset.UTC),
				user.email() == null ? null : normalisedEmail(user.email()),
				user.email() != null && user.enabled() ? now.atOffset(ZoneOffset.UTC) : null,
				user.administrator()) == 1;
	}

	/**
	 * A new account with a generated user name (a stable id without personal data: it is
	 * kept in the events); disabled until its e-mail address is confirmed. Returns the
	 * user name.
	 */
	public String create(PartnershipId partnership, Role role, String email, String displayName, String passwordHash,
			boolean administrator) {
		String username = newUsername();
		createIfAbsent(new GrantsUser(username, passwordHash, role, partnership, null, displayName, null, false, email,
				administrator));
		return username;
	}

	/** The address is confirmed (the link was followed): the account may sign in. */
	public void confirmEmail(String username, String email) {
		this.jdbc.update("""
				UPDATE app_user SET email = ?, email_verified_at = ?, enabled = TRUE WHERE username = ?""",
				normalisedEmail(email), Instant.now().atOffset(ZoneOffset.UTC), username);
		this.events.publishEvent(new PasswordChanged(username));
	}

	/** A new password (reset, invitation or change). */
	public void setPassword(String username, String passwordHash) {
		this.jdbc.update("UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE username = ?",
				passwordHash, Instant.now().atOffset(ZoneOffset.UTC), username);
		this.events.publishEvent(new PasswordChanged(username));
	}

	/** E-mail addresses are compared and stored trimmed and in lower case. */
	public static String normalisedEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static String newUsername() {
		StringBuilder id = new StringBuilder("u-");
		for (int i = 0; i < 12; i++) {
			id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
		}
		return id.toString();
	}

}
