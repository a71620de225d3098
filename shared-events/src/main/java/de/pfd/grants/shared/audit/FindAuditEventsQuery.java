package de.pfd.grants.shared.audit;

import java.time.Instant;
import java.util.List;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * One page of a partnership's audit trail, oldest first (by the event's global position,
 * so pages stay stable while events are added). Every filter may be null (no filter):
 * {@code applicationId}, {@code fundId}, {@code actor} (the acting user's login),
 * {@code eventTypes} (simple names such as {@code VoteCast}; empty: all), {@code from}
 * inclusive and {@code to} exclusive, {@code aggregateId} (the events of one aggregate:
 * an application, a fund, a decision body, ...). {@code after}: a cursor, only events
 * with a global position greater than it (the total still counts every match of the
 * filters); {@code page} counts from 0 (after the cursor, if one is given).
 * {@code countTotal} false: the total is not counted (-1), for a stream that reads page
 * after page and would otherwise count the whole trail again for each.
 */
public record FindAuditEventsQuery(PartnershipId partnershipId, String applicationId, String fundId, String actor,
		List<String> eventTypes, Instant from, Instant to, String aggregateId, Long after, int page, int size,
		boolean countTotal) {

	/** The most events one page may hold. */
	public static final int MAX_SIZE = 2000;

	public FindAuditEventsQuery {
		eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
		if (page < 0) {
			throw new IllegalArgumentException("page < 0");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size not in 1.." + MAX_SIZE);
		}
	}

	/** Counting the total. */
	public FindAuditEventsQuery(PartnershipId partnershipId, String applicationId, String fundId, String actor,
			List<String> eventTypes, Instant from, Instant to, String aggregateId, Long after, int page, int size) {
		this(partnershipId, applicationId, fundId, actor, eventTypes, from, to, aggregateId, after, page, size, true);
	}

	/** Without an aggregate and a cursor. */
	public FindAuditEventsQuery(PartnershipId partnershipId, String applicationId, String fundId, String actor,
			List<String> eventTypes, Instant from, Instant to, int page, int size) {
		this(partnershipId, applicationId, fundId, actor, eventTypes, from, to, null, null, page, size);
	}

	/** The same filters, the page after the cursor. */
	public FindAuditEventsQuery after(Long position) {
		return new FindAuditEventsQuery(this.partnershipId, this.applicationId, this.fundId, this.actor,
				this.eventTypes, this.from, this.to, this.aggregateId, position, 0, this.size, this.countTotal);
	}

	/** The same without counting the total. */
	public FindAuditEventsQuery withoutTotal() {
		return new FindAuditEventsQuery(this.partnershipId, this.applicationId, this.fundId, this.actor,
				this.eventTypes, this.from, this.to, this.aggregateId, this.after, this.page, this.size, false);
	}

}
