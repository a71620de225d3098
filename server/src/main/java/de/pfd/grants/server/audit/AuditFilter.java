package de.pfd.grants.server.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.audit.FindAuditEventsQuery;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * What an auditor narrows the trail to; every part may be empty. The period: from
 * {@code from} (inclusive) to {@code to} (exclusive).
 */
public record AuditFilter(String applicationId, String fundId, String person, List<String> kinds, Instant from,
		Instant to, String aggregateId) {

	public AuditFilter {
		applicationId = blankToNull(applicationId);
		aggregateId = blankToNull(aggregateId);
		fundId = blankToNull(fundId);
		person = blankToNull(person);
		kinds = kinds == null ? List.of()
				: kinds.stream().filter(kind -> kind != null && !kind.isBlank()).map(String::strip).toList();
	}

	public AuditFilter(String applicationId, String fundId, String person, List<String> kinds, Instant from,
			Instant to) {
		this(applicationId, fundId, person, kinds, from, to, null);
	}

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, List.of(), null, null);
	}

	/** The period as days of the office (Europe/Berlin), both included. */
	public static AuditFilter days(String applicationId, String fundId, String person, List<String> kinds,
			LocalDate from, LocalDate to) {
		return new AuditFilter(applicationId, fundId, person, kinds,
				from == null ? null : PartnershipCalendar.startOf(from),
				to == null ? null : PartnershipCalendar.startOf(to.plusDays(1)));
	}

	FindAuditEventsQuery query(PartnershipId partnership, Long after, int page, int size) {
		return new FindAuditEventsQuery(partnership, this.applicationId, this.fundId, this.person, this.kinds,
				this.from, this.to, this.aggregateId, after, page, size);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
