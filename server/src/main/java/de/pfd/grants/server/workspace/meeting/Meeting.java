package de.pfd.grants.server.workspace.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A meeting of a body as staff plan it: the fund it decides on, the day, a title, and its
 * agenda in order. Planning data (ADR 0010): the votes and decisions are the
 * applications' events.
 */
public record Meeting(String id, PartnershipId partnershipId, FundId fundId, DecisionBodyType body, String title,
		LocalDate heldOn, Status status, String createdBy, Instant createdAt, Instant startedAt, Instant closedAt,
		List<Item> items) {

	public Meeting {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** Planned (agenda open), started (votes open), closed (every item decided). */
	public enum Status {

		PLANNED, STARTED, CLOSED

	}

	/**
	 * An application on the agenda at its place; {@code whatIfAmount}: the amount staff
	 * entered for the what-if (null: the requested amount).
	 */
	public record Item(ApplicationId applicationId, int position, Money whatIfAmount) {
	}

}
