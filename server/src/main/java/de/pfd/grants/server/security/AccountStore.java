package de.pfd.grants.server.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

/** Accounts in the {@code app_user} table. */
@Component
public class AccountStore implements UserDetailsService {

	private final JdbcTemplate jdbc;

	AccountStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public GrantsUser loadUserByUsername(String username) {
		return this.jdbc.query("""
				SELECT username, password_hash, role, partnership_id, decision_body, display_name, organisation, enabled
				FROM app_user WHERE username = ?""", (rs, i) -> {
			String body = rs.getString("decision_body");
			return new GrantsUser(rs.getString("username"), rs.getString("password_hash"),
					Role.valueOf(rs.getString("role")), new PartnershipId(rs.getString("partnership_id")),
					body == null ? null : DecisionBodyType.valueOf(body), rs.getString("display_name"),
					rs.getString("organisation"), rs.getBoolean("enabled"));
		}, username).stream().findFirst().orElseThrow(() -> new UsernameNotFoundException("unknown user"));
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

	/**
	 * Creates the account unless one of that name exists; returns whether it was created.
	 */
	public boolean createIfAbsent(GrantsUser user) {
		return this.jdbc.update("""
				INSERT INTO app_user (username, password_hash, role, partnership_id, decision_body, display_name,
				    organisation, enabled, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", user.username(), user.passwordHash(), user.role().name(),
				user.partnershipId().value(), user.decisionBody() == null ? null : user.decisionBody().name(),
				user.displayName(), user.organisation(), user.enabled(), Instant.now().atOffset(ZoneOffset.UTC)) == 1;
	}

}
