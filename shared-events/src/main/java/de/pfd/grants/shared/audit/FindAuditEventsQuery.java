package de.pfd.grants.shared.audit;

import java.time.Instant;
import java.util.List;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * One page of a partnership's audit trail, oldest first (by the event's global position,
 * so pages stay stable while events are added). Every filter may be null (no filter):
 * {@code applicationId}, {@code fundId}, {@code actor} (the acting user's login),
 * {@code eventTypes} (simple names such as {@code VoteCast}; empty: all), {@code from}
 * inclusive and {@code to} exclusive. {@code page} counts from 0.
 */
public record FindAuditEventsQuery(PartnershipId partnershipId, String applicationId, String fundId, String actor,
		List<String> eventTypes, Instant from, Instant to, int page, int size) {

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

}
