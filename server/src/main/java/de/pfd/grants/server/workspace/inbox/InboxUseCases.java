package de.pfd.grants.server.workspace.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.ApplicationSummary.OfficeFacts;
import de.pfd.grants.shared.grant.OverdueGrant;
import de.pfd.grants.shared.grant.RefundClaim;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * What waits for the office of the user's partnership ("Aufgaben"), grouped by kind and
 * oldest first, each with the day it began to wait and its age in days. Read from the
 * same queries as the API: the applications list once (whose summaries carry the office's
 * facts: since when in the status, the open vote, the payouts requested, paid and
 * certified), the overdue grants and the overdue refund claims. What waits is said here;
 * whether a step may be taken is decided by its use case when it is taken.
 */
@Service
public class InboxUseCases {

	/** The kinds of work, in the order the inbox shows them. */
	public enum Kind {

		/** submitted: the formal check */
		FORMAL_CHECK,
		/**
		 * ready for the decision (or put to vote again after no quorum): open the vote
		 */
		OPEN_VOTE,
		/** a meeting's vote, or a circular vote past its deadline: close it */
		CLOSE_VOTE,
		/** approved with the money reserved: issue the grant notice */
		ISSUE_NOTICE,
		/** payout requested and not yet certified */
		CERTIFY_PAYOUT,
		/** certified, waiting for a second person to release it (four eyes) */
		RELEASE_PAYOUT,
		/** proof of use submitted: review it */
		REVIEW_PROOF,
		/** proof of use not in by its due day */
		OVERDUE_PROOF,
		/** refund claim not paid by its due day */
		OVERDUE_REFUND,
		/** money paid out and not accounted for within the spending period */
		UNUSED_MONEY

	}

	/**
	 * One thing that waits: the application, its fund, since when it waits (a day in the
	 * partnership's calendar), its age in days, the page that does the work, and an
	 * amount where one belongs to it (the payout to certify or release, the refund
	 * outstanding).
	 */
	public record Task(Kind kind, String applicationId, String title, String organisation, String fundId,
			LocalDate since, long ageDays, String link, Money amount) {
	}

	/** The tasks of one kind, oldest first. */
	public record Group(Kind kind, List<Task> tasks) {

		public int count() {
			return this.tasks.size();
		}

	}

	/** Every kind with its tasks (empty kinds too), and how many there are in all. */
	public record Inbox(List<Group> groups, int total) {
	}

	private final ApplicationUseCases applications;

	private final GrantUseCases grants;

	InboxUseCases(ApplicationUseCases applications, GrantUseCases grants) {
		this.applications = applications;
		this.grants = grants;
	}

	/** The inbox as of now; roles are checked by the adapter (staff). */
	public Inbox inbox(GrantsUser user) {
		Instant now = Instant.now();
		LocalDate today = PartnershipCalendar.dayOf(now);
		Map<Kind, List<Task>> byKind = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			byKind.put(kind, new ArrayList<>());
		}
		for (ApplicationSummary application : this.applications.list(user, null, null)) {
			OfficeFacts office = application.office();
			if (office == null) {
				continue;
			}
			classify(application, office, now, today, byKind);
		}
		for (OverdueGrant overdue : this.grants.overdue(user)) {
			Kind kind = switch (overdue.reason()) {
				case PROOF_OF_USE -> Kind.OVERDUE_PROOF;
				case SPENDING -> Kind.UNUSED_MONEY;
				// the refund claims come from their own query below
				case REFUND_CLAIM -> null;
			};
			if (kind != null) {
				byKind.get(kind)
					.add(task(kind, overdue.applicationId().value(), overdue.title(), overdue.organisation(),
							overdue.fundId().value(), overdue.since(), today, page(overdue.applicationId().value()),
							null));
			}
		}
		for (RefundClaim claim : this.grants.refundClaims(user, true)) {
			String id = claim.applicationId().value();
			byKind.get(Kind.OVERDUE_REFUND)
				.add(task(Kind.OVERDUE_REFUND, id, claim.title(), claim.organisation(), claim.fundId().value(),
						claim.dueOn(), today, page(id) + "/rueckzahlungen", claim.outstanding()));
		}
		List<Group> groups = new ArrayList<>();
		int total = 0;
		for (Map.Entry<Kind, List<Task>> entry : byKind.entrySet()) {
			List<Task> tasks = entry.getValue()
				.stream()
				.sorted(Comparator.comparing(Task::since, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(Task::applicationId))
				.toList();
			groups.add(new Group(entry.getKey(), tasks));
			total += tasks.size();
		}
		return new Inbox(groups, total);
	}

	private static void classify(ApplicationSummary a, OfficeFacts office, Instant now, LocalDate today,
			Map<Kind, List<Task>> byKind) {
		String id = a.id().value();
		ApplicationStatus status = a.status();
		switch (status) {
			case SUBMITTED ->
				add(byKind, a, Kind.FORMAL_CHECK, day(a.submittedAt() != null ? a.submittedAt() : office.statusSince()),
						today, page(id) + "/formalpruefung", null);
			case READY_FOR_DECISION, NO_DECISION ->
				add(byKind, a, Kind.OPEN_VOTE, day(office.statusSince()), today, page(id) + "/abstimmung", null);
			case IN_VOTING -> {
				boolean circular = "CIRCULAR".equals(office.voteProcedure());
				if (!circular) {
					add(byKind, a, Kind.CLOSE_VOTE, day(office.statusSince()), today, page(id) + "/abstimmung", null);
				}
				else if (office.voteClosesAt() != null && office.voteClosesAt().isBefore(now)) {
					// its deadline closes it by itself; still open past it, the office
					// closes it
					add(byKind, a, Kind.CLOSE_VOTE, day(office.voteClosesAt()), today, page(id) + "/abstimmung", null);
				}
			}
			case PROOF_OF_USE_SUBMITTED -> add(byKind, a, Kind.REVIEW_PROOF,
					day(office.proofOfUseSubmittedAt() != null ? office.proofOfUseSubmittedAt() : office.statusSince()),
					today, page(id) + "/verwendungsnachweis", null);
			default -> {
			}
		}
		ApplicationSummary.GrantProgress grant = a.grantProgress();
		if (status == ApplicationStatus.APPROVED && grant != null && grant.fundsReserved()
				&& grant.noticeIssuedAt() == null) {
			add(byKind, a, Kind.ISSUE_NOTICE, day(office.statusSince()), today, page(id) + "/bescheid", null);
		}
		Money pending = office.pendingPayouts() == null ? Money.ZERO : office.pendingPayouts();
		if (pending.isPositive()) {
			add(byKind, a, Kind.RELEASE_PAYOUT, day(office.pendingSince()), today, page(id) + "/auszahlungen", pending);
		}
		if (office.requestedPayouts() != null && office.paid() != null) {
			// requested, and neither paid nor certified yet
			Money open = office.requestedPayouts().minus(office.paid()).minus(pending);
			if (open.isPositive() && office.lastPayoutRequestAt() != null) {
				add(byKind, a, Kind.CERTIFY_PAYOUT, day(office.lastPayoutRequestAt()), today,
						page(id) + "/auszahlungen", open);
			}
		}
	}

	private static void add(Map<Kind, List<Task>> byKind, ApplicationSummary a, Kind kind, LocalDate since,
			LocalDate today, String link, Money amount) {
		byKind.get(kind)
			.add(task(kind, a.id().value(), a.title(), a.organisation(), a.fundId().value(), since, today, link,
					amount));
	}

	private static Task task(Kind kind, String id, String title, String organisation, String fundId, LocalDate since,
			LocalDate today, String link, Money amount) {
		long age = since == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(since, today));
		return new Task(kind, id, title, organisation, fundId, since, age, link, amount);
	}

	private static LocalDate day(Instant instant) {
		return instant == null ? null : PartnershipCalendar.dayOf(instant);
	}

	/** The office's page of an application. */
	static String page(String applicationId) {
		return "/bearbeitung/" + applicationId;
	}

}
