package de.pfd.grants.shared.audit;

import java.util.List;

/**
 * A page of the audit trail and how many events match the filter in all (-1: not counted,
 * see {@link FindAuditEventsQuery#countTotal()}).
 */
public record AuditEventPage(List<AuditEvent> events, long total, int page, int size) {

	public AuditEventPage {
		events = List.copyOf(events);
	}

	public int pages() {
		return (int) ((this.total + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
