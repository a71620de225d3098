package de.pfd.grants.server.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.audit.FindAuditEventsQuery;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * What an auditor narrows the trail to; every part may be empty. {@code from} and
 * {@code to} are days of the office (Europe/Berlin), both included.
 */
public record AuditFilter(String applicationId, String fundId, String person, List<String> kinds, LocalDate from,
		LocalDate to) {

	public AuditFilter {
		applicationId = blankToNull(applicationId);
		fundId = blankToNull(fundId);
		person = blankToNull(person);
		kinds = kinds == null ? List.of()
				: kinds.stream().filter(kind -> kind != null && !kind.isBlank()).map(String::strip).toList();
	}

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, List.of(), null, null);
	}

	FindAuditEventsQuery query(PartnershipId partnership, int page, int size) {
		Instant start = this.from == null ? null : this.from.atStartOfDay(PartnershipCalendar.ZONE).toInstant();
		Instant end = this.to == null ? null : this.to.plusDays(1).atStartOfDay(PartnershipCalendar.ZONE).toInstant();
		return new FindAuditEventsQuery(partnership, this.applicationId, this.fundId, this.person, this.kinds, start,
				end, page, size);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
