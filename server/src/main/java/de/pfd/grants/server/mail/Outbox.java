package de.pfd.grants.server.mail;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Queues an e-mail in the transaction of the change that causes it (the transactional
 * outbox): committed together with the change, or not at all. A worker sends it later,
 * with retries.
 */
@Component
public class Outbox {

	private final JdbcTemplate jdbc;

	Outbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues a plain-text mail; must run inside the transaction of the change it reports.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(PartnershipId partnership, String to, String subject, String body) {
		Instant now = Instant.now();
		this.jdbc.update("""
				INSERT INTO mail_outbox (partnership_id, recipient, subject, body, created_at, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, ?)""", partnership == null ? null : partnership.value(), to, subject, body,
				now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
	}

}
