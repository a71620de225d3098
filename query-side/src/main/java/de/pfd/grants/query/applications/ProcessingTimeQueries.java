package de.pfd.grants.query.applications;

import static de.pfd.grants.query.readmodel.Columns.instant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.FindProcessingTimesQuery;
import de.pfd.grants.shared.application.ProcessingTimes;
import de.pfd.grants.shared.application.ProcessingTimes.Stage;
import de.pfd.grants.shared.application.ProcessingTimes.Stages;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The processing-time figures of docs/domain.md ("Processing times"), from the read
 * tables the application projection keeps (status history, formal checks, decisions), so
 * that they hold for the whole stored history. Each application counts once per stage:
 * <ul>
 * <li>submission → check: from its first submission to its first check outcome, whatever
 * it was (accepted, returned, rejected); waiting: submitted and not checked;</li>
 * <li>ready → decision: from its first accepted check to its first decision (approved,
 * rejected, or sent back by the body; a vote without quorum is no decision; the date of a
 * circular vote closed late is its deadline); waiting: ready, in voting, no
 * decision;</li>
 * <li>submission → decision: from its first submission to its first decision or its
 * rejection at the check; waiting: every submitted application not decided yet, also one
 * returned to the applicant.</li>
 * </ul>
 */
@Component
class ProcessingTimeQueries {

	private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

	private static final Set<String> WAITING_FOR_CHECK = Set.of(ApplicationStatus.SUBMITTED.name());

	private static final Set<String> WAITING_FOR_DECISION = Set.of(ApplicationStatus.READY_FOR_DECISION.name(),
			ApplicationStatus.IN_VOTING.name(), ApplicationStatus.NO_DECISION.name());

	private static final Set<String> WAITING_UNDECIDED = Set.of(ApplicationStatus.SUBMITTED.name(),
			ApplicationStatus.RETURNED_FOR_REVISION.name(), ApplicationStatus.READY_FOR_DECISION.name(),
			ApplicationStatus.IN_VOTING.name(), ApplicationStatus.NO_DECISION.name());

	private final JdbcTemplate jdbc;

	ProcessingTimeQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The milestones of one application, as far as it got. */
	record Milestones(String status, Instant lastSubmitted, Instant firstSubmitted, Instant firstChecked, Instant ready,
			Instant rejectedAtCheck, Instant decided) {

		Instant decidedOrRejected() {
			if (this.decided == null) {
				return this.rejectedAtCheck;
			}
			return this.rejectedAtCheck == null || this.decided.isBefore(this.rejectedAtCheck) ? this.decided
					: this.rejectedAtCheck;
		}

	}

	@QueryHandler
	ProcessingTimes handle(FindProcessingTimesQuery query) {
		List<Milestones> applications = milestones(query);
		Instant now = Instant.now();
		Instant from = query.from() == null ? null : PartnershipCalendar.startOf(query.from());
		Instant to = query.to() == null ? null : PartnershipCalendar.startOf(query.to().plusDays(1));
		Stage check = stage(applications, Milestones::firstSubmitted, Milestones::firstChecked, WAITING_FOR_CHECK,
				Milestones::lastSubmitted, from, to, now);
		Stage decision = stage(applications, Milestones::ready, Milestones::decided, WAITING_FOR_DECISION,
				Milestones::ready, from, to, now);
		Stage overall = stage(applications, Milestones::firstSubmitted, Milestones::decidedOrRejected,
				WAITING_UNDECIDED, Milestones::firstSubmitted, from, to, now);
		List<Duration> decided = durations(applications, Milestones::ready, Milestones::decided, from, to);
		BigDecimal share = decided.isEmpty() ? null
				: BigDecimal
					.valueOf(
							decided.stream().filter(d -> d.compareTo(Duration.ofDays(query.targetDays())) <= 0).count())
					.divide(BigDecimal.valueOf(decided.size()), 3, RoundingMode.HALF_UP);
		return new ProcessingTimes(query.fundId(), query.from(), query.to(), query.targetDays(),
				new Stages(check, decision, overall), share, check.backlog(), check.oldestWaitingDays(), check.count(),
				check.averageDays());
	}

	private List<Milestones> milestones(FindProcessingTimesQuery query) {
		List<Object> args = new ArrayList<>();
		args.add(query.partnershipId().value());
		String fund = "";
		if (query.fundId() != null) {
			fund = " AND a.fund_id = ?";
			args.add(query.fundId().value());
		}
		return this.jdbc.query("""
				SELECT a.status, a.submitted_at,
				    (SELECT MIN(h.occurred_at) FROM application_history h
				     WHERE h.application_id = a.application_id AND h.status = 'SUBMITTED') AS first_submitted,
				    (SELECT MIN(c.checked_at) FROM formal_check c
				     WHERE c.application_id = a.application_id) AS first_checked,
				    (SELECT MIN(c.checked_at) FROM formal_check c
				     WHERE c.application_id = a.application_id AND c.outcome = 'ACCEPTED') AS ready,
				    (SELECT MIN(c.checked_at) FROM formal_check c
				     WHERE c.application_id = a.application_id AND c.outcome = 'REJECTED') AS rejected_at_check,
				    (SELECT MIN(d.decided_at) FROM decision_view d
				     WHERE d.application_id = a.application_id AND d.outcome <> 'NO_DECISION') AS decided
				FROM application_view a
				WHERE a.partnership_id = ? AND a.submitted_at IS NOT NULL""" + fund,
				(rs, i) -> new Milestones(rs.getString("status"), instant(rs, "submitted_at"),
						instant(rs, "first_submitted"), instant(rs, "first_checked"), instant(rs, "ready"),
						instant(rs, "rejected_at_check"), instant(rs, "decided")),
				args.toArray());
	}

	private static Stage stage(List<Milestones> applications, Function<Milestones, Instant> start,
			Function<Milestones, Instant> end, Set<String> waitingStatuses, Function<Milestones, Instant> waitingSince,
			Instant from, Instant to, Instant now) {
		List<Duration> done = durations(applications, start, end, from, to);
		List<Instant> waiting = applications.stream()
			.filter(m -> waitingStatuses.contains(m.status()))
			.map(waitingSince)
			.filter(Objects::nonNull)
			.toList();
		long oldest = waiting.stream()
			.mapToLong(since -> Math.max(0, Duration.between(since, now).toDays()))
			.max()
			.orElse(0);
		return new Stage(average(done), median(done), done.size(), waiting.size(), oldest);
	}

	/** The stage's length for each application whose stage ended in the period. */
	private static List<Duration> durations(List<Milestones> applications, Function<Milestones, Instant> start,
			Function<Milestones, Instant> end, Instant from, Instant to) {
		List<Duration> durations = new ArrayList<>();
		for (Milestones m : applications) {
			Instant s = start.apply(m);
			Instant e = end.apply(m);
			if (s != null && e != null && (from == null || !e.isBefore(from)) && (to == null || e.isBefore(to))) {
				durations.add(e.isBefore(s) ? Duration.ZERO : Duration.between(s, e));
			}
		}
		return durations;
	}

	private static BigDecimal average(List<Duration> durations) {
		if (durations.isEmpty()) {
			return null;
		}
		long seconds = durations.stream().mapToLong(Duration::getSeconds).sum();
		return days(BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(durations.size()), 6, RoundingMode.HALF_UP));
	}

	private static BigDecimal median(List<Duration> durations) {
		if (durations.isEmpty()) {
			return null;
		}
		List<Long> seconds = durations.stream().map(Duration::getSeconds).sorted().toList();
		int n = seconds.size();
		BigDecimal middle = n % 2 == 1 ? BigDecimal.valueOf(seconds.get(n / 2))
				: BigDecimal.valueOf(seconds.get(n / 2 - 1) + seconds.get(n / 2))
					.divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP);
		return days(middle);
	}

	private static BigDecimal days(BigDecimal seconds) {
		return seconds.divide(SECONDS_PER_DAY, 1, RoundingMode.HALF_UP);
	}

}
