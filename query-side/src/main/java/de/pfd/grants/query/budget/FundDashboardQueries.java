package de.pfd.grants.query.budget;

import static de.pfd.grants.query.readmodel.Columns.instant;
import static de.pfd.grants.query.readmodel.Columns.money;
import static de.pfd.grants.query.readmodel.Columns.sum;
import static de.pfd.grants.query.readmodel.Columns.utc;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.query.organisations.OrganisationNames;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.ActionFieldFigures;
import de.pfd.grants.shared.fund.FindFundByActionFieldQuery;
import de.pfd.grants.shared.fund.FindWaitingListQuery;
import de.pfd.grants.shared.fund.WaitingListEntry;
import de.pfd.grants.shared.money.Money;

/**
 * The fund dashboard's queries beyond the figures ({@link FundQueries}): the money by
 * action field, summed from the fund's movements exactly as the figures are (so that the
 * action fields add up to the fund's reserved and paid money, also as of a day), and the
 * waiting list in its order.
 */
@Component
class FundDashboardQueries {

	/**
	 * Per application of the fund with a movement up to the day (by value date) or up to
	 * now (by entry): its reservations, what is still reserved and what was paid.
	 */
	private static final String BY_APPLICATION = """
			SELECT a.application_id, a.content_json,
			       COALESCE(SUM(CASE WHEN m.movement_type = 'RESERVATION' THEN m.amount ELSE 0 END), 0) AS approved,
			       COALESCE(SUM(CASE WHEN m.movement_type = 'RESERVATION' THEN 1 ELSE 0 END), 0) AS reservations,
			       COALESCE(SUM(m.reserved_delta), 0) AS reserved,
			       COALESCE(SUM(m.paid_delta), 0) AS paid
			FROM fund_movement m
			JOIN fund_view f ON f.fund_id = m.fund_id
			JOIN application_view a ON a.application_id = m.application_id
			WHERE m.fund_id = ? AND f.partnership_id = ? AND %s
			GROUP BY a.application_id, a.content_json""";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	FundDashboardQueries(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@QueryHandler
	List<ActionFieldFigures> handle(FindFundByActionFieldQuery query) {
		Map<ActionField, Totals> totals = new EnumMap<>(ActionField.class);
		for (ActionField field : ActionField.values()) {
			totals.put(field, new Totals());
		}
		Object until = query.asOfDate() != null ? query.asOfDate() : utc(Instant.now());
		String filter = query.asOfDate() != null ? "m.value_date <= ?" : "m.occurred_at <= ?";
		this.jdbc.query(BY_APPLICATION.formatted(filter), rs -> {
			ActionField field = actionField(rs.getString("content_json"));
			if (field == null) {
				return;
			}
			Totals t = totals.get(field);
			if (rs.getInt("reservations") > 0) {
				t.approvals++;
			}
			t.approved = t.approved.plus(sum(rs, "approved"));
			t.reserved = t.reserved.plus(sum(rs, "reserved"));
			t.paid = t.paid.plus(sum(rs, "paid"));
		}, query.fundId().value(), query.partnershipId().value(), until);
		List<ActionFieldFigures> figures = new ArrayList<>();
		totals.forEach(
				(field, t) -> figures.add(new ActionFieldFigures(field, t.approvals, t.approved, t.reserved, t.paid)));
		return figures;
	}

	@QueryHandler
	List<WaitingListEntry> handle(FindWaitingListQuery query) {
		return this.jdbc.query(
				"""
						SELECT a.application_id, a.title, a.approved_amount, a.status_since,"""
						+ OrganisationNames.COLUMNS + """
								FROM application_view a JOIN fund_view f ON f.fund_id = a.fund_id"""
						+ OrganisationNames.JOIN + """
								WHERE a.fund_id = ? AND f.partnership_id = ? AND a.waitlist_order IS NOT NULL
								ORDER BY a.waitlist_order, a.application_id""",
				(rs, i) -> new WaitingListEntry(i + 1, new ApplicationId(rs.getString("application_id")),
						rs.getString("title"), rs.getString("organisation_name"), money(rs, "approved_amount"),
						instant(rs, "status_since")),
				query.fundId().value(), query.partnershipId().value());
	}

	/** The action field of the content as stored (null if it names none). */
	private ActionField actionField(String content) {
		try {
			JsonNode field = this.json.readTree(content).get("actionField");
			return field == null || field.isNull() ? null : ActionField.valueOf(field.asText());
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalStateException("unreadable application content", ex);
		}
	}

	/** Sums of one action field. */
	private static final class Totals {

		int approvals;

		Money approved = Money.ZERO;

		Money reserved = Money.ZERO;

		Money paid = Money.ZERO;

	}

}
