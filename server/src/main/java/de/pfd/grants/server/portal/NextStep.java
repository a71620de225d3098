package de.pfd.grants.server.portal;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;

/**
 * What the applicant does or waits for next, as the key of its text in the message
 * bundles ({@code next.*}). Presentation only: whether a step is allowed is decided by
 * the use cases when it is taken.
 */
final class NextStep {

	private NextStep() {
	}

	static String of(ApplicationDetail application) {
		ApplicationDetail.Grant grant = application.grant();
		return grant == null ? of(application.status())
				: of(application.status(), grant.fundsReserved(), grant.noticeIssuedAt(), grant.noticeConfirmedAt());
	}

	static String of(ApplicationSummary application) {
		ApplicationSummary.GrantProgress grant = application.grantProgress();
		return grant == null ? of(application.status())
				: of(application.status(), grant.fundsReserved(), grant.noticeIssuedAt(), grant.noticeConfirmedAt());
	}

	private static String of(ApplicationStatus status, boolean fundsReserved, Instant noticeIssuedAt,
			Instant noticeConfirmedAt) {
		if (status != ApplicationStatus.APPROVED) {
			return of(status);
		}
		if (!fundsReserved) {
			return "next.APPROVED.waitlisted";
		}
		if (noticeIssuedAt == null) {
			return "next.APPROVED.notice";
		}
		return noticeConfirmedAt == null ? "next.APPROVED.confirm" : "next.APPROVED.running";
	}

	private static String of(ApplicationStatus status) {
		return "next." + status.name();
	}

}
