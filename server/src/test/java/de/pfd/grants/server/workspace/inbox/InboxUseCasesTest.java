package de.pfd.grants.server.workspace.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.inbox.InboxUseCases.Kind;
import de.pfd.grants.server.workspace.inbox.InboxUseCases.Task;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.ApplicationSummary.GrantProgress;
import de.pfd.grants.shared.application.ApplicationSummary.OfficeFacts;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * What the inbox counts as waiting for the office, from the summaries' facts alone: no
 * Spring, no database.
 */
class InboxUseCasesTest {

	private static final GrantsUser STAFF = new GrantsUser("staff", "-", Role.STAFF,
			new PartnershipId("kreis-mettmann"), null, "Staff", null, true, null, false);

	private static final Instant NOW = Instant.now();

	private static final Instant TEN_DAYS_AGO = NOW.minus(Duration.ofDays(10));

	private static final Instant THREE_DAYS_AGO = NOW.minus(Duration.ofDays(3));

	private final ApplicationUseCases applications = mock(ApplicationUseCases.class);

	private final GrantUseCases grants = mock(GrantUseCases.class);

	private final InboxUseCases inbox = new InboxUseCases(this.applications, this.grants);

	private static ApplicationSummary summary(String id, ApplicationStatus status, Instant since, GrantProgress grant,
			OfficeFacts office) {
		return new ApplicationSummary(new ApplicationId(id), new FundId("fund"), "Verein", "Projekt " + id, status,
				Money.euros("400.00"), since, 0, 1, null, grant, office);
	}

	private static OfficeFacts facts(Instant since) {
		return new OfficeFacts(since, null, null, Money.ZERO, Money.ZERO, Money.ZERO, null, null, null, null);
	}

	private List<Task> tasks(Kind kind, ApplicationSummary... summaries) {
		when(this.applications.list(any(), isNull(), isNull())).thenReturn(List.of(summaries));
		when(this.grants.overdue(any())).thenReturn(List.of());
		when(this.grants.refundClaims(any(GrantsUser.class), eq(true))).thenReturn(List.of());
		return this.inbox.inbox(STAFF)
			.groups()
			.stream()
			.filter(group -> group.kind() == kind)
			.findFirst()
			.orElseThrow()
			.tasks();
	}

	@Test
	void formal_checks_come_oldest_first_with_their_age_in_days() {
		List<Task> tasks = tasks(Kind.FORMAL_CHECK,
				summary("new", ApplicationStatus.SUBMITTED, THREE_DAYS_AGO, null, facts(THREE_DAYS_AGO)),
				summary("old", ApplicationStatus.SUBMITTED, TEN_DAYS_AGO, null, facts(TEN_DAYS_AGO)));
		assertThat(tasks).extracting(Task::applicationId).containsExactly("old", "new");
		assertThat(tasks).extracting(Task::ageDays).containsExactly(10L, 3L);
		assertThat(tasks.get(0).link()).isEqualTo("/bearbeitung/old/formalpruefung");
	}

	@Test
	void a_circular_vote_waits_for_the_office_only_once_its_deadline_has_passed() {
		OfficeFacts running = new OfficeFacts(TEN_DAYS_AGO, "CIRCULAR", NOW.plus(Duration.ofDays(4)), Money.ZERO,
				Money.ZERO, Money.ZERO, null, null, null, null);
		OfficeFacts past = new OfficeFacts(TEN_DAYS_AGO, "CIRCULAR", THREE_DAYS_AGO, Money.ZERO, Money.ZERO, Money.ZERO,
				null, null, null, null);
		OfficeFacts meeting = new OfficeFacts(TEN_DAYS_AGO, "MEETING", null, Money.ZERO, Money.ZERO, Money.ZERO, null,
				null, null, null);
		List<Task> tasks = tasks(Kind.CLOSE_VOTE, summary("running", ApplicationStatus.IN_VOTING, null, null, running),
				summary("past", ApplicationStatus.IN_VOTING, null, null, past),
				summary("meeting", ApplicationStatus.IN_VOTING, null, null, meeting));
		assertThat(tasks).extracting(Task::applicationId).containsExactly("meeting", "past");
		// the circular vote has waited since its deadline
		assertThat(tasks.get(1).ageDays()).isEqualTo(3);
	}

	@Test
	void a_payout_request_waits_for_certification_and_a_certified_payout_for_its_release() {
		GrantProgress confirmed = new GrantProgress(true, TEN_DAYS_AGO, TEN_DAYS_AGO, null, null);
		OfficeFacts requested = new OfficeFacts(TEN_DAYS_AGO, null, null, Money.euros("300.00"), Money.euros("100.00"),
				Money.ZERO, null, THREE_DAYS_AGO, null, Money.euros("400.00"));
		OfficeFacts certified = new OfficeFacts(TEN_DAYS_AGO, null, null, Money.euros("300.00"), Money.euros("100.00"),
				Money.euros("200.00"), THREE_DAYS_AGO, TEN_DAYS_AGO, null, Money.euros("400.00"));
		ApplicationSummary open = summary("open", ApplicationStatus.APPROVED, null, confirmed, requested);
		ApplicationSummary waiting = summary("waiting", ApplicationStatus.APPROVED, null, confirmed, certified);

		List<Task> toCertify = tasks(Kind.CERTIFY_PAYOUT, open, waiting);
		assertThat(toCertify).extracting(Task::applicationId).containsExactly("open");
		assertThat(toCertify.get(0).amount()).isEqualTo(Money.euros("200.00"));

		List<Task> toRelease = tasks(Kind.RELEASE_PAYOUT, open, waiting);
		assertThat(toRelease).extracting(Task::applicationId).containsExactly("waiting");
		assertThat(toRelease.get(0).amount()).isEqualTo(Money.euros("200.00"));
		assertThat(toRelease.get(0).ageDays()).isEqualTo(3);
	}

	@Test
	void a_notice_waits_once_the_money_is_reserved_and_until_it_is_issued() {
		ApplicationSummary reserved = summary("reserved", ApplicationStatus.APPROVED, null,
				new GrantProgress(true, null, null, null, null), facts(THREE_DAYS_AGO));
		ApplicationSummary waitingForMoney = summary("unreserved", ApplicationStatus.APPROVED, null,
				new GrantProgress(false, null, null, null, null), facts(THREE_DAYS_AGO));
		ApplicationSummary issued = summary("issued", ApplicationStatus.APPROVED, null,
				new GrantProgress(true, THREE_DAYS_AGO, null, null, null), facts(TEN_DAYS_AGO));
		assertThat(tasks(Kind.ISSUE_NOTICE, reserved, waitingForMoney, issued)).extracting(Task::applicationId)
			.containsExactly("reserved");
	}

	@Test
	void summaries_without_the_office_facts_are_not_counted() {
		ApplicationSummary applicantsView = new ApplicationSummary(new ApplicationId("a"), new FundId("fund"), "Verein",
				"Projekt", ApplicationStatus.SUBMITTED, Money.euros("400.00"), TEN_DAYS_AGO, 10, 1);
		assertThat(tasks(Kind.FORMAL_CHECK, applicantsView)).isEmpty();
	}

}
