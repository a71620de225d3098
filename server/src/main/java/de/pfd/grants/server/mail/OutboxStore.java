package de.pfd.grants.server.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The rows of {@code mail_outbox} as the worker and the demo outbox see them. Every
 * statement is one short transaction of its own (no transaction is held while a mail is
 * sent).
 * <p>
 * A mail is claimed by a conditional update: it takes the mail only while it is unsent
 * and due, and moves {@code next_attempt_at} past the claim, so a second node's claim of
 * the same row updates nothing (PostgreSQL re-checks the condition after waiting for the
 * first node's row lock; so does H2). A node that dies while sending leaves the mail due
 * again when the claim runs out.
 */
@Component
public class OutboxStore {

	/** A mail waiting to be sent, with the attempts made so far. */
	record Due(long id, String to, String subject, String body, int attempts) {
	}

	/** A mail as the demo outbox shows it. */
	public record OutboxMail(String to, String subject, String body, Instant createdAt, Instant sentAt) {
	}

	/** The demo outbox shows at most this many mails, the newest. */
	static final int SHOWN = 100;

	private final JdbcTemplate jdbc;

	OutboxStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Unsent mails due at this instant, the longest waiting first. */
	List<Due> due(Instant now, int limit) {
		return this.jdbc.query("""
				SELECT id, recipient, subject, body, attempts FROM mail_outbox
				WHERE sent_at IS NULL AND next_attempt_at <= ?
				ORDER BY next_attempt_at, id
				LIMIT ?""", (rs, i) -> new Due(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), rs.getInt("attempts")), utc(now), limit);
	}

	/**
	 * Takes the mail for one attempt if it is still unsent and due; counts the attempt
	 * and keeps the mail from every other node until {@code claimedUntil}. Whether this
	 * call got it.
	 */
	boolean claim(long id, Instant now, Instant claimedUntil) {
		return this.jdbc.update("""
				UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?
				WHERE id = ? AND sent_at IS NULL AND next_attempt_at <= ?""", utc(claimedUntil), id, utc(now)) == 1;
	}

	void sent(long id, Instant at) {
		this.jdbc.update("UPDATE mail_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL", utc(at), id);
	}

	/** The attempt failed: the mail stays, due again at {@code nextAttempt}. */
	void failed(long id, Instant nextAttempt, String error) {
		this.jdbc.update("UPDATE mail_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL",
				utc(nextAttempt), error, id);
	}

	/** Mails not sent yet (due or waiting for their next attempt). */
	public long pending() {
		return count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL");
	}

	/** Mails not sent yet whose last attempt failed. */
	public long failing() {
		return count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND last_error IS NOT NULL");
	}

	/** The newest mails of a partnership, the newest first. */
	public List<OutboxMail> newestOf(PartnershipId partnership) {
		return this.jdbc.query("""
				SELECT recipient, subject, body, created_at, sent_at FROM mail_outbox
				WHERE partnership_id = ?
				ORDER BY created_at DESC, id DESC
				LIMIT ?""",
				(rs, i) -> new OutboxMail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
						instant(rs.getObject("created_at", OffsetDateTime.class)),
						instant(rs.getObject("sent_at", OffsetDateTime.class))),
				partnership.value(), SHOWN);
	}

	/**
	 * Every mail of a partnership to one address (any case), the oldest first: what a
	 * data subject's export lists (Art. 15 GDPR).
	 */
	public List<OutboxMail> to(PartnershipId partnership, String recipient) {
		return this.jdbc.query("""
				SELECT recipient, subject, body, created_at, sent_at FROM mail_outbox
				WHERE partnership_id = ? AND LOWER(recipient) = LOWER(?)
				ORDER BY created_at, id""",
				(rs, i) -> new OutboxMail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
						instant(rs.getObject("created_at", OffsetDateTime.class)),
						instant(rs.getObject("sent_at", OffsetDateTime.class))),
				partnership.value(), recipient);
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return count == null ? 0 : count;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

}
