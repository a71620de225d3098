package de.pfd.grants.server.workspace.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.voting.AgendaItem;
import de.pfd.grants.shared.voting.DecisionView;

/**
 * What the members' pages show, put together from the use cases of the API (agenda,
 * decisions, application, fund): nothing is decided or checked here that they do not
 * decide or check themselves.
 */
@Component
class MemberDesk {

	private final VotingUseCases voting;

	private final ApplicationUseCases applications;

	private final FundUseCases funds;

	private final AccessPolicy access;

	private final Clock clock;

	MemberDesk(VotingUseCases voting, ApplicationUseCases applications, FundUseCases funds, AccessPolicy access) {
		this.voting = voting;
		this.applications = applications;
		this.funds = funds;
		this.access = access;
		this.clock = Clock.systemUTC();
	}

	/**
	 * An open vote of the member's body: the agenda's item (the version voted on, the own
	 * vote), the fund with its money still available, the formal check's note and, for a
	 * circular vote, the time left.
	 */
	public record Ballot(AgendaItem item, FundBudget fund, String formalCheckNote, TimeLeft timeLeft) {

		public String id() {
			return this.item.applicationId().value();
		}

		/** The member may vote (or vote again) and declare a conflict of interest. */
		public boolean mayVote() {
			return this.item.eligible() && !this.item.recused();
		}

		public boolean automaticallyRecused() {
			return this.item.recused() && Boolean.TRUE.equals(this.item.automatic());
		}

	}

	/**
	 * A decision of the body, or one the member is only informed of (another body's
	 * fund).
	 */
	public record Resolution(DecisionView decision, FundBudget fund, boolean forInformation) {
	}

	/** The open votes of the member's body, the soonest deadline first. */
	List<Ballot> agenda(GrantsUser user) {
		Map<String, FundBudget> funds = fundsById(user);
		Instant now = this.clock.instant();
		return this.voting.agenda(user)
			.stream()
			.map(item -> new Ballot(item, funds.get(item.fundId().value()), null, timeLeft(item, now)))
			.sorted(Comparator.comparing((Ballot b) -> b.item().closesAt() == null ? Instant.MAX : b.item().closesAt()))
			.toList();
	}

	/**
	 * One open vote of the member's body with the formal check's note; empty when the
	 * application has no open vote (any more); 404 for what the member may not see (the
	 * API's rule).
	 */
	Optional<Ballot> findBallot(GrantsUser user, String applicationId) {
		ApplicationDetail application = this.applications.detail(user, applicationId);
		Optional<AgendaItem> item = this.voting.agenda(user)
			.stream()
			.filter(candidate -> candidate.applicationId().equals(application.id()))
			.findFirst();
		return item.map(found -> new Ballot(found, this.funds.fund(user, found.fundId().value(), null),
				formalCheckNote(application, found.version()), timeLeft(found, this.clock.instant())));
	}

	/** The title of an application the member may see (404 otherwise). */
	String title(GrantsUser user, String applicationId) {
		ApplicationDetail application = this.applications.detail(user, applicationId);
		return application.content() == null ? null : application.content().title();
	}

	/** Past decisions the member may see, the newest first. */
	List<Resolution> decisions(GrantsUser user) {
		Map<String, FundBudget> funds = fundsById(user);
		Predicate<DecisionBodyType> informed = this.access.informedOnly(user);
		return this.voting.decisions(user, null)
			.stream()
			.sorted(Comparator.comparing(DecisionView::decidedAt).reversed())
			.map(decision -> {
				FundBudget fund = funds.get(decision.fundId().value());
				return new Resolution(decision, fund, fund != null && informed.test(fund.decisionBody()));
			})
			.toList();
	}

	/**
	 * The note of the formal check that put this version before the body: the first
	 * "ready for decision" of the version (later ones follow a vote without a decision).
	 */
	static String formalCheckNote(ApplicationDetail application, int version) {
		return application.history()
			.stream()
			.filter(step -> step.status() == ApplicationStatus.READY_FOR_DECISION && step.version() == version)
			.findFirst()
			.map(ApplicationDetail.StatusChange::note)
			.filter(note -> !note.isBlank())
			.orElse(null);
	}

	private Map<String, FundBudget> fundsById(GrantsUser user) {
		Map<String, FundBudget> byId = new LinkedHashMap<>();
		this.funds.funds(user).forEach(fund -> byId.put(fund.id().value(), fund));
		return byId;
	}

	private static TimeLeft timeLeft(AgendaItem item, Instant now) {
		return item.closesAt() == null ? null : TimeLeft.between(now, item.closesAt());
	}

	/** The time until a deadline, in whole days, hours and minutes (rounded down). */
	public record TimeLeft(long days, int hours, int minutes) {

		static TimeLeft between(Instant now, Instant deadline) {
			Duration left = Duration.between(now, deadline);
			if (left.isNegative()) {
				return new TimeLeft(0, 0, 0);
			}
			return new TimeLeft(left.toDays(), left.toHoursPart(), left.toMinutesPart());
		}

		public boolean over() {
			return this.days == 0 && this.hours == 0 && this.minutes == 0;
		}

	}

}
