package de.pfd.grants.server.portal;

import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;

/**
 * What the applicant does or waits for next, as the key of its text in the message
 * bundles ({@code next.*}). Presentation only: whether a step is allowed is decided by
 * the use cases when it is taken.
 */
final class NextStep {

	private NextStep() {
	}

	/** Statuses of a running grant: the list shows their deadlines. */
	static boolean hasGrantDeadlines(ApplicationStatus status) {
		return status == ApplicationStatus.APPROVED || status == ApplicationStatus.REFUND_DUE;
	}

	static String of(ApplicationDetail application) {
		ApplicationDetail.Grant grant = application.grant();
		if (application.status() == ApplicationStatus.APPROVED && grant != null) {
			if (!grant.fundsReserved()) {
				return "next.APPROVED.waitlisted";
			}
			if (grant.noticeIssuedAt() == null) {
				return "next.APPROVED.notice";
			}
			if (grant.noticeConfirmedAt() == null) {
				return "next.APPROVED.confirm";
			}
			return "next.APPROVED.running";
		}
		return of(application.status());
	}

	static String of(ApplicationStatus status) {
		return "next." + status.name();
	}

}
