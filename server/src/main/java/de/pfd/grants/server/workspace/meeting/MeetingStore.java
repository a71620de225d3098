package de.pfd.grants.server.workspace.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The meetings (tables {@code meeting} and {@code meeting_item}, V30): read and written
 * within one partnership only.
 */
@Component
class MeetingStore {

	private final JdbcTemplate jdbc;

	MeetingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Meeting meeting) {
		this.jdbc.update("""
				INSERT INTO meeting (meeting_id, partnership_id, fund_id, body_type, title, held_on, status, created_by,
				    created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", meeting.id(), meeting.partnershipId().value(),
				meeting.fundId().value(), meeting.body().name(), meeting.title(), meeting.heldOn(),
				meeting.status().name(), meeting.createdBy(), meeting.createdAt().atOffset(ZoneOffset.UTC));
	}

	/** The meetings of a partnership, the latest day first. */
	List<Meeting> all(PartnershipId partnership) {
		List<Meeting> meetings = this.jdbc.query(
				"SELECT * FROM meeting WHERE partnership_id = ? ORDER BY held_on DESC, created_at DESC",
				(rs, row) -> meeting(rs, List.of()), partnership.value());
		return meetings.stream().map(m -> withItems(m)).toList();
	}

	Optional<Meeting> find(PartnershipId partnership, String id) {
		return this.jdbc
			.query("SELECT * FROM meeting WHERE meeting_id = ? AND partnership_id = ?",
					(rs, row) -> meeting(rs, List.of()), id, partnership.value())
			.stream()
			.findFirst()
			.map(this::withItems);
	}

	/** The agenda replaced as a whole, in one transaction. */
	@Transactional
	void replaceItems(String id, List<Meeting.Item> items) {
		this.jdbc.update("DELETE FROM meeting_item WHERE meeting_id = ?", id);
		for (Meeting.Item item : items) {
			this.jdbc.update(
					"INSERT INTO meeting_item (meeting_id, application_id, position, what_if_amount) VALUES (?, ?, ?, ?)",
					id, item.applicationId().value(), item.position(),
					item.whatIfAmount() == null ? null : item.whatIfAmount().amount());
		}
	}

	/** A status change only from the status expected: false if it was not (any more). */
	boolean changeStatus(String id, Meeting.Status from, Meeting.Status to, Instant at) {
		String column = to == Meeting.Status.STARTED ? "started_at" : "closed_at";
		return this.jdbc.update("UPDATE meeting SET status = ?, " + column + " = ? WHERE meeting_id = ? AND status = ?",
				to.name(), at.atOffset(ZoneOffset.UTC), id, from.name()) == 1;
	}

	private Meeting withItems(Meeting meeting) {
		List<Meeting.Item> items = this.jdbc.query(
				"SELECT * FROM meeting_item WHERE meeting_id = ? ORDER BY position, application_id",
				(rs, row) -> new Meeting.Item(new ApplicationId(rs.getString("application_id")), rs.getInt("position"),
						rs.getBigDecimal("what_if_amount") == null ? null
								: Money.of(rs.getBigDecimal("what_if_amount"))),
				meeting.id());
		return new Meeting(meeting.id(), meeting.partnershipId(), meeting.fundId(), meeting.body(), meeting.title(),
				meeting.heldOn(), meeting.status(), meeting.createdBy(), meeting.createdAt(), meeting.startedAt(),
				meeting.closedAt(), items);
	}

	private static Meeting meeting(ResultSet rs, List<Meeting.Item> items) throws SQLException {
		return new Meeting(rs.getString("meeting_id"), new PartnershipId(rs.getString("partnership_id")),
				new FundId(rs.getString("fund_id")), DecisionBodyType.valueOf(rs.getString("body_type")),
				rs.getString("title"), rs.getObject("held_on", LocalDate.class),
				Meeting.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("closed_at")), items);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
