package de.pfd.grants.server.year;

import static de.pfd.grants.server.Api.created;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.FundEvents;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.PayoutBookingReversed;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * A whole year of both funds as an office runs it, over HTTP: about twenty applications
 * decided by every kind of vote (meeting, circular closed at its deadline, fast track,
 * rejections, a return for improvement, no quorum, recusals automatic and declared, a
 * changed vote), the waiting list funded by a withdrawal and a settlement (by the
 * system), the youth fund switched to "first that fits", grant notices, payouts with four
 * eyes, proofs of use, a refund claim and its refund, a cancellation after a payout,
 * statements by value date, and the year-end closing (every waiting application
 * NOT_FUNDED, money released afterwards a LAPSE). At the end the fund figures, the
 * movements with their running balance and the processing-time KPIs equal a recomputation
 * from the stored events alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScriptedYearApiTest extends ApiTestSupport {

	private static final List<String> BOARD = List.of("board1", "board2", "board3", "board4", "board5", "board6",
			"board7");

	@Autowired
	EventStore eventStore;

	@Autowired
	ProjectionSync projections;

	private int year;

	private final List<String> applicationIds = new ArrayList<>();

	@Test
	void a_year_of_both_funds_adds_up_to_a_recomputation_from_the_events() {
		this.year = TestYears.next();
		String action = this.funds.open("ACTION_FUND", this.year, "8000.00", "5000.00", "1000.00");
		String youth = this.funds.open("YOUTH_FUND", this.year, "3000.00", "2500.00", "1000.00");

		// --- action fund, steering board
		String a1 = fastTrack("applicant1", action, "1000.00");
		String a2 = meetingApproved("applicant2", action, "3000.00", "board5");
		String a3 = meetingRejected("applicant3", action, "2000.00");
		String a4 = returnedThenFastTrack(action);
		String a5 = noQuorum(action);
		String a6 = circularApprovedAtDeadline(action, "2000.00");
		String a7 = ready("applicant3", body(action, "800.00", false));
		decide(a7, "{\"outcome\":\"REJECTED\",\"note\":\"Nicht im Förderzweck\"}", "REJECTED");
		String a8 = submitted("applicant3", body(action, "600.00", false));
		formalCheck(a8, "REJECTED", "Kein Bezug zum Programm", "REJECTED");
		String a9 = fastTrack("applicant3", action, "1000.00");
		// 1000 + 3000 + 900 + 2000 + 1000 reserved: 100 left, a10 waits
		String a10 = meetingVoted("applicant3", action, "2500.00", null);
		closeVote(a10, "{\"approvedAmount\":2500.00}", "WAITLISTED");
		String a11 = submitted("applicant1", body(action, "400.00", false));
		String a12 = submitted("applicant3", body(action, "700.00", false));
		formalCheck(a12, "RETURNED", "Bitte den Finanzierungsplan ergänzen", "RETURNED_FOR_REVISION");
		String a13 = this.applications.draft("applicant1", body(action, "300.00", false));
		this.applicationIds.add(a13);

		// --- youth fund, youth forum
		String y1 = youthMeetingApproved(youth, "2000.00");
		String y2 = fastTrack("applicant3", youth, "800.00");
		String y3 = ready("applicant3", body(youth, "1500.00", true));
		openMeeting(y3);
		for (String member : List.of("youth1", "youth2", "youth3")) {
			this.applications.vote(member, y3, "NO");
		}
		closeVote(y3, null, "REJECTED");
		String y4 = ready("applicant3", body(youth, "500.00", true));
		String y5 = ready("applicant3", body(youth, "300.00", true));
		decide(y5, "{\"outcome\":\"APPROVED\",\"approvedAmount\":300.00}", "WAITLISTED");
		String y6 = submitted("applicant3", body(youth, "450.00", true));

		// the steering board is informed of the youth forum's decisions
		JsonNode youthDecisions = ok(this.api.get("board1", Api.decisions(youth)));
		assertThat(youthDecisions.findValuesAsText("applicationId")).contains(y1, y2, y3);

		// --- the money of the grants
		this.grants.issueNotice(a1, "ZB-" + this.year + "-1");
		ok(this.api.post("applicant1", Api.noticeConfirmation(a1), null));
		this.grants.payOut("applicant1", a1, "1000.00");
		ok(this.api.post("applicant1", Api.proofOfUse(a1), Grants.proof(this.year)));
		JsonNode reviewed = ok(this.api.post("staff", Api.review(a1),
				"{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":700.00,\"note\":\"geprüft\"}"));
		assertThat(reviewed.get("status").asText()).isEqualTo("REFUND_DUE");
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		JsonNode claim = refundClaim(a1);
		assertThat(money(claim, "amount")).isEqualTo(Money.euros("300.00"));
		assertThat(claim.get("arisenOn").asText()).isEqualTo(today.toString());
		assertThat(claim.get("dueOn").asText()).isEqualTo(today.plusWeeks(4).toString());
		assertThat(claim.get("overdue").asBoolean()).isFalse();
		JsonNode refunded = ok(this.api.post("staff", Api.refunds(a1), Grants.refund("300.00", today)));
		assertThat(refunded.get("status").asText()).isEqualTo("SETTLED");
		assertThat(money(refundClaim(a1), "outstanding")).isEqualTo(Money.ZERO);

		this.grants.issueNotice(a2, "ZB-" + this.year + "-2");
		ok(this.api.post("applicant2", Api.noticeConfirmation(a2), null));
		// four eyes: staff certifies, the same person cannot release, staff2 does
		ok(this.api.post("applicant2", Api.payoutRequests(a2), "{\"amount\":1500.00}"));
		JsonNode certified = ok(this.api.post("staff", Api.payouts(a2), Grants.payout("1500.00", today, "ÜW-2")));
		String payoutId = certified.get("payoutId").asText();
		assertThat(money(certified.get("grant"), "paid")).isEqualTo(Money.ZERO);
		Api.assertCode(this.api.post("staff", Api.payoutRelease(a2, payoutId), null), 409, "FOUR_EYES_REQUIRED");
		JsonNode released = ok(this.api.post("staff2", Api.payoutRelease(a2, payoutId), null));
		assertThat(money(released.get("grant"), "paid")).isEqualTo(Money.euros("1500.00"));

		// a withdrawal gives 1000 back: 1100 available, a10 still waits
		ok(this.api.post("applicant3", Api.withdrawal(a9), "{\"reason\":\"Projekt fällt aus\"}"));
		assertThat(status(a10)).isEqualTo("WAITLISTED");
		// a2 is accounted for with 1,500 of the approved 3,000: 1,500 go back, a10 is
		// funded
		ok(this.api.post("applicant2", Api.proofOfUse(a2), proofOf("1500.00")));
		JsonNode settled = ok(
				this.api.post("staff", Api.review(a2), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":1500.00}"));
		assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
		JsonNode funded = this.applications.awaitReserved("staff", a10);
		assertThat(lastChange(funded, "APPROVED").path("by").asText()).as("funded by the process").isEqualTo("system");

		// a6 is cancelled after a payout: all money paid is claimed back, the unpaid rest
		// goes back to the fund at once, the paid money as it is refunded
		this.grants.issueNotice(a6, "ZB-" + this.year + "-6");
		ok(this.api.post("applicant3", Api.noticeConfirmation(a6), null));
		this.grants.payOut("applicant3", a6, "800.00");
		JsonNode cancelled = ok(this.api.post("applicant3", Api.application(a6) + "/cancellation",
				"{\"reason\":\"Die Referentin ist erkrankt\"}"));
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("grant").get("fundsReserved").asBoolean()).isFalse();
		JsonNode cancellationClaim = refundClaim(a6);
		assertThat(cancellationClaim.get("kind").asText()).isEqualTo("CANCELLATION");
		assertThat(money(cancellationClaim, "amount")).isEqualTo(Money.euros("800.00"));
		ok(this.api.post("staff", Api.refunds(a6), Grants.refund("800.00", today)));
		assertThat(money(refundClaim(a6), "outstanding")).isEqualTo(Money.ZERO);

		// the youth fund decides its waiting list by "first that fits" from now on: a
		// smaller approval that the money covers is funded before y5, which still waits
		ok(this.api.put("staff", Api.fund(youth) + "/waitlist-policy", "{\"policy\":\"FIRST_THAT_FITS\"}"));
		String y7 = fastTrack("applicant3", youth, "150.00");
		assertThat(status(y5)).isEqualTo("WAITLISTED");
		assertThat(status(y7)).isEqualTo("APPROVED");

		// --- the KPIs before the closing, against the partnership's own target
		int target = ok(this.api.get("staff", "/api/partnership/settings")).get("processingTimeTargetDays").asInt();
		assertThat(ok(this.api.get("auditor", Api.processingTimes(action))).get("targetDays").asInt())
			.isEqualTo(target);
		this.projections.awaitProjections();
		assertKpisEqualTheEvents(action);
		assertKpisEqualTheEvents(youth);

		// --- year-end closing of both funds
		ok(this.api.post("staff", Api.fundClosure(action), null));
		ok(this.api.post("staff", Api.fundClosure(youth), null));
		// every application still waiting ends NOT_FUNDED, by the system; a draft stays
		for (String waiting : List.of(a5, a11, a12, y4, y5, y6)) {
			awaitStatus(waiting, "NOT_FUNDED");
			JsonNode ended = lastChange(this.applications.get("staff", waiting), "NOT_FUNDED");
			assertThat(ended.get("by").asText()).isEqualTo("system");
		}
		assertThat(status(a13)).isEqualTo("DRAFT");
		// money released after the closure lapses at once: a4 is withdrawn
		ok(this.api.post("applicant1", Api.withdrawal(a4), "{\"reason\":\"Projekt abgesagt\"}"));
		this.projections.awaitProjections();
		assertThat(money(this.funds.get("staff", action), "requestedPending")).isEqualTo(Money.ZERO);
		assertThat(money(this.funds.get("staff", youth), "requestedPending")).isEqualTo(Money.ZERO);

		assertFiguresAndMovementsEqualTheEvents(action);
		assertFiguresAndMovementsEqualTheEvents(youth);

		// statements by value date: every booking of this year was dated today
		JsonNode yesterday = ok(this.api.get("auditor", Api.fundAsOf(action, today.minusDays(1))));
		assertThat(yesterday.get("existed").asBoolean()).isFalse();
		assertThat(money(yesterday, "budget")).isEqualTo(Money.ZERO);
		JsonNode byValueDate = ok(this.api.get("auditor", Api.fundAsOf(action, today)));
		assertThat(byValueDate.get("existed").asBoolean()).isTrue();
		FundEvents events = FundEvents.of(this.eventStore, action);
		assertThat(money(byValueDate, "paid")).isEqualTo(events.paid);
		assertThat(money(byValueDate, "refunded")).isEqualTo(events.refunded);
		assertThat(money(byValueDate, "available")).isEqualTo(events.available());
		JsonNode movements = ok(this.api.get("auditor", Api.movements(action)));
		JsonNode last = movements.get(movements.size() - 1);
		assertThat(last.get("type").asText()).isEqualTo("LAPSE");
		assertThat(last.get("applicationId").asText()).isEqualTo(a4);
		assertThat(money(last, "amount")).isEqualTo(Money.euros("900.00"));
		assertThat(List.of(a3, a7, a8)).allSatisfy(id -> assertThat(status(id)).isEqualTo("REJECTED"));
	}

	// ----------------------------------------------------------------- the script

	/** The docs/api.md example with the requested amount, a fifth of it own funds. */
	private String body(String fund, String requested, boolean youthFund) {
		Money amount = Money.euros(requested);
		Money income = Money.of(amount.amount().divide(BigDecimal.valueOf(5)));
		String costs = amount.plus(income).amount().toPlainString();
		String body = Drafts.complete(fund, this.year)
			.replace("\"amount\":1200.00", "\"amount\":" + costs)
			.replace("\"amount\":200.00", "\"amount\":" + income.amount().toPlainString())
			.replace("\"requestedAmount\":1000.00", "\"requestedAmount\":" + requested);
		return youthFund ? Drafts.youthConfirmed(body) : body;
	}

	private String submitted(String applicant, String body) {
		String id = this.applications.submitted(applicant, body);
		this.applicationIds.add(id);
		return id;
	}

	private String ready(String applicant, String body) {
		String id = this.applications.ready(applicant, body);
		this.applicationIds.add(id);
		return id;
	}

	private String fastTrack(String applicant, String fund, String amount) {
		String id = ready(applicant, body(fund, amount, isYouth(fund)));
		decide(id, "{\"outcome\":\"APPROVED\",\"approvedAmount\":" + amount + "}", "APPROVED");
		this.applications.awaitReserved(applicant, id);
		return id;
	}

	private boolean isYouth(String fund) {
		return "YOUTH_FUND".equals(this.funds.get("staff", fund).get("type").asText());
	}

	private void decide(String id, String decision, String expectedStatus) {
		JsonNode decided = ok(this.api.post("staff", Api.fastTrack(id), decision));
		assertThat(decided.get("status").asText()).isIn(expectedStatus, "APPROVED");
		awaitStatus(id, expectedStatus);
	}

	private void formalCheck(String id, String outcome, String note, String expectedStatus) {
		JsonNode checked = ok(this.api.post("staff", Api.formalCheck(id),
				"{\"outcome\":\"" + outcome + "\",\"note\":\"" + note + "\"}"));
		assertThat(checked.get("status").asText()).isEqualTo(expectedStatus);
	}

	private void openMeeting(String id) {
		JsonNode opened = ok(this.api.post("staff", Api.voting(id), "{\"procedure\":\"MEETING\"}"));
		assertThat(opened.get("status").asText()).isEqualTo("IN_VOTING");
	}

	private void closeVote(String id, String closure, String expectedStatus) {
		JsonNode closed = ok(this.api.post("staff", Api.closure(id), closure));
		assertThat(closed.get("status").asText()).isIn(expectedStatus, "APPROVED");
		awaitStatus(id, expectedStatus);
	}

	/**
	 * Every board member votes YES but the recused one (automatically, by organisation);
	 * board6 first votes NO and then changes to YES.
	 */
	private String meetingApproved(String applicant, String fund, String amount, String recused) {
		String id = meetingVoted(applicant, fund, amount, recused);
		closeVote(id, "{\"approvedAmount\":" + amount + ",\"conditions\":\"Öffentlichkeitsarbeit mit Logo\"}",
				"APPROVED");
		this.applications.awaitReserved("staff", id);
		return id;
	}

	private String meetingVoted(String applicant, String fund, String amount, String recused) {
		String id = ready(applicant, body(fund, amount, false));
		openMeeting(id);
		for (String member : BOARD) {
			if (member.equals(recused)) {
				Api.assertCode(this.api.post(member, Api.votes(id), "{\"vote\":\"YES\"}"), 403, "NOT_ELIGIBLE_TO_VOTE");
				continue;
			}
			if (member.equals("board6")) {
				this.applications.vote(member, id, "NO");
			}
			this.applications.vote(member, id, "YES");
		}
		return id;
	}

	private String meetingRejected(String applicant, String fund, String amount) {
		String id = ready(applicant, body(fund, amount, false));
		openMeeting(id);
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			this.applications.vote(member, id, "NO");
		}
		this.applications.vote("board6", id, "YES");
		closeVote(id, null, "REJECTED");
		return id;
	}

	/**
	 * Sent back for improvement by the board (board7 declares a conflict of interest),
	 * revised to 900.00, resubmitted, checked again and approved on the fast track.
	 */
	private String returnedThenFastTrack(String fund) {
		String id = ready("applicant1", body(fund, "1500.00", false));
		openMeeting(id);
		ok(this.api.post("board7", Api.recusal(id), "{\"reason\":\"Mitglied im Vorstand des Trägers\"}"));
		for (String member : List.of("board1", "board3", "board4", "board5")) {
			this.applications.vote(member, id, "ABSTAIN");
		}
		closeVote(id, "{\"returnForImprovement\":true,\"note\":\"Kosten bitte begründen\"}", "RETURNED_FOR_REVISION");
		ok(this.api.put("applicant1", Api.application(id), body(fund, "900.00", false)));
		ok(this.api.post("applicant1", Api.submission(id), null));
		formalCheck(id, "ACCEPTED", "vollständig", "READY_FOR_DECISION");
		decide(id, "{\"outcome\":\"APPROVED\",\"approvedAmount\":900.00}", "APPROVED");
		this.applications.awaitReserved("applicant1", id);
		return id;
	}

	/** One vote of seven: no quorum, no decision. */
	private String noQuorum(String fund) {
		String id = ready("applicant3", body(fund, "2500.00", false));
		openMeeting(id);
		this.applications.vote("board1", id, "YES");
		closeVote(id, null, "NO_DECISION");
		return id;
	}

	/**
	 * A circular vote with a majority for it, closed by its deadline a few seconds later.
	 */
	private String circularApprovedAtDeadline(String fund, String amount) {
		String id = ready("applicant3", body(fund, amount, false));
		Instant closesAt = Instant.now().plusSeconds(4);
		ok(this.api.post("staff", Api.voting(id), "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		for (String member : List.of("board1", "board2", "board3", "board4")) {
			this.applications.vote(member, id, "YES");
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(status(id)));
		this.applications.awaitReserved("staff", id);
		return id;
	}

	private String youthMeetingApproved(String fund, String amount) {
		String id = ready("applicant3", body(fund, amount, true));
		openMeeting(id);
		for (String member : List.of("youth1", "youth2", "youth3", "youth4")) {
			this.applications.vote(member, id, "YES");
		}
		closeVote(id, "{\"approvedAmount\":" + amount + "}", "APPROVED");
		this.applications.awaitReserved("staff", id);
		return id;
	}

	/** Receipts of the amount, all costs, in the project period. */
	private String proofOf(String amount) {
		return """
				{"report":"Projekt wie geplant durchgeführt.",
				 "receipts":[{"date":"%d-06-15","description":"Honorare","category":"FEES","amount":%s}]}"""
			.formatted(this.year, amount);
	}

	/** The application's refund claim as staff list it. */
	private JsonNode refundClaim(String id) {
		for (JsonNode claim : ok(this.api.get("staff", "/api/refund-claims"))) {
			if (claim.get("applicationId").asText().equals(id)) {
				return claim;
			}
		}
		throw new AssertionError("no refund claim for " + id);
	}

	private String status(String id) {
		return this.applications.status("staff", id);
	}

	private void awaitStatus(String id, String expected) {
		await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(status(id)));
	}

	private static JsonNode lastChange(JsonNode application, String status) {
		JsonNode last = null;
		for (JsonNode change : application.get("history")) {
			if (change.get("status").asText().equals(status)) {
				last = change;
			}
		}
		assertThat(last).as("a change to " + status).isNotNull();
		return last;
	}

	// ---------------------------------------------------------- the recomputation

	private void assertFiguresAndMovementsEqualTheEvents(String fund) {
		FundEvents events = FundEvents.of(this.eventStore, fund);
		JsonNode figures = this.funds.get("auditor", fund);
		assertThat(money(figures, "budget")).isEqualTo(events.budget);
		assertThat(money(figures, "reserved")).isEqualTo(events.reserved);
		assertThat(money(figures, "paid")).isEqualTo(events.paid);
		assertThat(money(figures, "released")).isEqualTo(events.released);
		assertThat(money(figures, "refunded")).isEqualTo(events.refunded);
		assertThat(money(figures, "lapsed")).isEqualTo(events.lapsed);
		assertThat(money(figures, "available")).isEqualTo(events.available()).isEqualTo(Money.ZERO);
		assertThat(events.maxOvercommit).as("never more reserved than the budget").isLessThanOrEqualTo(0);
		assertThat(figures.get("status").asText()).isEqualTo("CLOSED");

		// the movements: one per booking event, each with the running balance after it,
		// and the signed amounts add up to the available money
		JsonNode movements = ok(this.api.get("auditor", Api.movements(fund)));
		List<String> expectedTypes = new ArrayList<>();
		for (Object event : events.events) {
			if (event instanceof FundOpened) {
				expectedTypes.add("OPENING_BUDGET");
			}
			else if (event instanceof BudgetAdjusted) {
				expectedTypes.add("BUDGET_ADJUSTMENT");
			}
			else if (event instanceof FundsReserved) {
				expectedTypes.add("RESERVATION");
			}
			else if (event instanceof FundsReleased released) {
				expectedTypes.add("RELEASE");
				if (released.lapsed().isPositive()) {
					expectedTypes.add("LAPSE");
				}
			}
			else if (event instanceof PayoutBooked) {
				expectedTypes.add("PAYOUT");
			}
			else if (event instanceof RefundBooked) {
				expectedTypes.add("REFUND");
			}
			else if (event instanceof FundClosed closed && closed.lapsed().isPositive()) {
				expectedTypes.add("LAPSE");
			}
			else if (event instanceof FundsLapsed) {
				expectedTypes.add("LAPSE");
			}
			else if (event instanceof PayoutBookingReversed) {
				expectedTypes.add("PAYOUT");
			}
		}
		List<String> types = new ArrayList<>();
		Money balance = Money.ZERO;
		for (JsonNode m : movements) {
			String type = m.get("type").asText();
			types.add(type);
			Money amount = money(m, "amount");
			balance = switch (type) {
				case "OPENING_BUDGET", "BUDGET_ADJUSTMENT", "RELEASE" -> balance.plus(amount);
				case "RESERVATION", "LAPSE" -> balance.minus(amount);
				default -> balance;
			};
			assertThat(money(m, "available")).as("running balance after movement %s", m).isEqualTo(balance);
		}
		assertThat(types).isEqualTo(expectedTypes);
		assertThat(balance).isEqualTo(events.available());
	}

	/**
	 * The processing-time KPIs of today, recomputed from the applications' events: every
	 * stage ended today, each application once per stage.
	 */
	private void assertKpisEqualTheEvents(String fund) {
		int checked = 0;
		int waitingForCheck = 0;
		int readyDecided = 0;
		int readyWaiting = 0;
		int submittedDecided = 0;
		int submittedWaiting = 0;
		for (String id : this.applicationIds) {
			if (!this.applications.get("staff", id).get("fundId").asText().equals(fund)) {
				continue;
			}
			Map<Class<?>, Object> first = new LinkedHashMap<>();
			boolean withdrawn = false;
			for (Object event : this.eventStore.readEvents(id, 0)
				.asStream()
				.map(DomainEventMessage::getPayload)
				.toList()) {
				if (event instanceof ApplicationDecided decided && decided.outcome() == DecisionOutcome.NO_DECISION) {
					continue;
				}
				withdrawn = withdrawn || event instanceof ApplicationWithdrawn;
				first.putIfAbsent(event.getClass(), event);
			}
			if (!first.containsKey(ApplicationSubmitted.class)) {
				continue;
			}
			boolean everChecked = first.containsKey(ApplicationAccepted.class)
					|| first.containsKey(ApplicationReturnedForRevision.class)
					|| first.containsKey(ApplicationRejectedAsIneligible.class);
			boolean decided = first.containsKey(ApplicationDecided.class);
			checked += everChecked ? 1 : 0;
			waitingForCheck += everChecked || withdrawn ? 0 : 1;
			if (first.containsKey(ApplicationAccepted.class)) {
				readyDecided += decided ? 1 : 0;
				readyWaiting += decided || withdrawn ? 0 : 1;
			}
			boolean ended = decided || first.containsKey(ApplicationRejectedAsIneligible.class);
			submittedDecided += ended ? 1 : 0;
			submittedWaiting += ended || withdrawn ? 0 : 1;
		}
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		JsonNode kpis = ok(this.api.get("auditor", Api.processingTimes(fund) + "?from=" + today + "&to=" + today));
		JsonNode stages = kpis.get("stages");
		assertStage(stages.get("submissionToCheck"), checked, waitingForCheck);
		assertStage(stages.get("readyToDecision"), readyDecided, readyWaiting);
		assertStage(stages.get("submissionToDecision"), submittedDecided, submittedWaiting);
		assertThat(kpis.get("shareDecidedWithinTarget").decimalValue()).isEqualByComparingTo("1");
	}

	private static void assertStage(JsonNode stage, int count, int backlog) {
		assertThat(stage.get("count").asInt()).as("count of %s", stage).isEqualTo(count);
		assertThat(stage.get("backlog").asInt()).as("backlog of %s", stage).isEqualTo(backlog);
		if (count > 0) {
			assertThat(stage.get("averageDays").decimalValue()).isEqualByComparingTo("0");
		}
	}

	private static Money money(JsonNode node, String field) {
		return Money.of(node.get(field).decimalValue());
	}

}
