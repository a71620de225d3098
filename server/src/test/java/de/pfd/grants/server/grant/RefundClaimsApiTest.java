package de.pfd.grants.server.grant;

import static de.pfd.grants.server.Api.OVERDUE;
import static de.pfd.grants.server.Api.application;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static de.pfd.grants.server.Api.proofOfUse;
import static de.pfd.grants.server.Api.refunds;
import static de.pfd.grants.server.Api.review;
import static de.pfd.grants.server.Grants.proof;
import static de.pfd.grants.server.Grants.refund;
import static de.pfd.grants.server.Json.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.TestYears;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Refund claims over real HTTP: a settlement that paid too much is a claim due four weeks
 * later, listed for staff and auditors with its refunds and interest and shown on the
 * grant; a claim past its due day (here from a cancellation long ago, appended as the
 * cancellation will record it) is overdue and appears in the overdue grants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefundClaimsApiTest extends GrantApiTestSupport {

	private static final String CLAIMS = "/api/refund-claims";

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Test
	void a_settlement_that_paid_too_much_is_a_claim_due_in_four_weeks_with_its_refunds() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "900.00");
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":700.00}"));
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());

		JsonNode claim = claimOf("staff", id, "");
		assertThat(claim).as("the claim").isNotNull();
		assertThat(claim.get("fundId").asText()).isEqualTo(fund);
		assertThat(claim.get("kind").asText()).isEqualTo("SETTLEMENT");
		assertThat(money(claim, "amount")).isEqualTo("200.00");
		assertThat(money(claim, "refunded")).isEqualTo("0.00");
		assertThat(money(claim, "outstanding")).isEqualTo("200.00");
		assertThat(claim.get("arisenOn").asText()).isEqualTo(today.toString());
		assertThat(claim.get("dueOn").asText()).isEqualTo(today.plusWeeks(4).toString());
		assertThat(claim.get("overdue").asBoolean()).isFalse();
		assertThat(money(claim, "interest")).isEqualTo("0.00");
		assertThat(claim.get("waived").asBoolean()).isFalse();
		assertThat(claimOf("auditor", id, "")).isEqualTo(claim);
		assertThat(claimOf("staff", id, "?overdue=true")).isNull();

		ok(this.api.post("staff", refunds(id), refund("50.00", LocalDate.now(PartnershipCalendar.ZONE))));

		JsonNode afterRefund = claimOf("staff", id, "");
		assertThat(money(afterRefund, "refunded")).isEqualTo("50.00");
		assertThat(money(afterRefund, "outstanding")).isEqualTo("150.00");
		JsonNode grant = ok(this.api.get("applicant1", application(id))).get("grant");
		assertThat(money(grant, "refundClaim")).isEqualTo("200.00");
		assertThat(money(grant, "refundOutstanding")).isEqualTo("150.00");
		assertThat(grant.get("refundClaimArisenOn").asText()).isEqualTo(today.toString());
		assertThat(grant.get("refundDueOn").asText()).isEqualTo(today.plusWeeks(4).toString());
		assertThat(grant.get("refundOverdue").asBoolean()).isFalse();
		assertThat(money(grant, "interest")).isEqualTo("0.00");
		assertThat(grant.get("interestWaived").asBoolean()).isFalse();
		assertThat(money(grant, "unusedMoneyInterest")).isEqualTo("0.00");
	}

	@Test
	void a_claim_past_its_due_day_is_overdue_bears_interest_and_is_among_the_overdue_grants() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "600.00");
		LocalDate cancelledOn = PartnershipCalendar.dayOf(Instant.now()).minusDays(100);
		cancel(id, fund, cancelledOn, "600.00");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(claimOf("staff", id, "?overdue=true")).isNotNull());
		JsonNode claim = claimOf("staff", id, "?overdue=true");
		assertThat(claim.get("kind").asText()).isEqualTo("CANCELLATION");
		assertThat(claim.get("arisenOn").asText()).isEqualTo(cancelledOn.toString());
		assertThat(claim.get("dueOn").asText()).isEqualTo(cancelledOn.plusWeeks(4).toString());
		assertThat(claim.get("overdue").asBoolean()).isTrue();
		assertThat(money(claim, "outstanding")).isEqualTo("600.00");
		// 600.00 for 100 days at 5 points above a base rate of 1.27 % or more: at least
		// 10.30
		assertThat(claim.get("interest").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("10.30"));
		assertThat(claim.get("waived").asBoolean()).isTrue();

		JsonNode overdue = null;
		for (JsonNode entry : ok(this.api.get("staff", OVERDUE))) {
			if (entry.get("applicationId").asText().equals(id)) {
				overdue = entry;
			}
		}
		assertThat(overdue).as("in the overdue grants").isNotNull();
		assertThat(overdue.get("reason").asText()).isEqualTo("REFUND_CLAIM");
		assertThat(overdue.get("since").asText()).isEqualTo(cancelledOn.plusWeeks(4).toString());
		assertThat(money(overdue, "outstanding")).isEqualTo("600.00");
		assertThat(overdue.get("title").asText()).isNotBlank();
	}

	@Test
	void only_staff_and_auditors_see_the_claims_and_a_bad_filter_is_refused() {
		assertThat(this.api.get("staff", CLAIMS).status()).isEqualTo(200);
		assertThat(this.api.get("auditor", CLAIMS + "?overdue=false").status()).isEqualTo(200);
		assertProblem(this.api.get("applicant1", CLAIMS), 403, null);
		assertProblem(this.api.get("board1", CLAIMS), 403, null);
		assertThat(this.api.get(null, CLAIMS).status()).isEqualTo(401);
		assertProblem(this.api.get("staff", CLAIMS + "?overdue=maybe"), 400, "overdue");
	}

	/**
	 * The cancellation of the project as the grant will record it (its command is built
	 * elsewhere): all money paid is claimed back.
	 */
	private void cancel(String id, String fund, LocalDate cancelledOn, String paid) {
		this.transactionManager.executeInTransaction(() -> {
			long next = this.eventStore.lastSequenceNumberFor(id).orElseThrow() + 1;
			this.eventStore.publish(new GenericDomainEventMessage<>("Application", id, next,
					new GrantCancelled(new ApplicationId(id), new FundId(fund), "Projekt abgesagt", "staff",
							cancelledOn, Money.euros(paid), Money.euros("300.00"), Money.euros(paid)),
					MetaData.with("userId", "staff"), UUID.randomUUID().toString(), Instant.now()));
		});
	}

	/** The application's claim in the list as the user sees it, or null. */
	@Test
	void a_corrected_review_changes_the_claim_and_a_reversed_refund_counts_as_never_made() {
		int year = TestYears.next();
		String fund = this.given.openFund(Route.ACTION_FUND, year);
		String id = this.given.confirmedGrant(Route.ACTION_FUND, fund, year, "900.00");
		this.given.payOut(id, "900.00");
		ok(this.api.post("applicant1", proofOfUse(id), proof(year)));
		ok(this.api.post("staff", review(id), "{\"eligibleAmount\":600.00}"));
		assertThat(money(claimOf("staff", id, ""), "amount")).isEqualTo("300.00");

		// eligible 700.00 after all: 200.00 to repay
		ok(this.api.post("staff", review(id) + "/correction",
				"{\"eligibleAmount\":700.00,\"reason\":\"Beleg nachgereicht\"}"));
		JsonNode corrected = claimOf("staff", id, "");
		assertThat(money(corrected, "amount")).isEqualTo("200.00");
		assertThat(money(corrected, "outstanding")).isEqualTo("200.00");

		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		JsonNode refunded = ok(this.api.post("staff", refunds(id), refund("50.00", today)));
		assertThat(money(claimOf("staff", id, ""), "outstanding")).isEqualTo("150.00");
		String refundId = refunded.get("grant").get("payments").get(2).get("id").asText();
		ok(this.api.post("staff", refunds(id) + "/" + refundId + "/reversal", "{\"reason\":\"falsch zugeordnet\"}"));
		JsonNode afterReversal = claimOf("auditor", id, "");
		assertThat(money(afterReversal, "refunded")).isEqualTo("0.00");
		assertThat(money(afterReversal, "outstanding")).isEqualTo("200.00");
	}

	private JsonNode claimOf(String user, String id, String query) {
		for (JsonNode claim : ok(this.api.get(user, CLAIMS + query))) {
			if (claim.get("applicationId").asText().equals(id)) {
				return claim;
			}
		}
		return null;
	}

}
