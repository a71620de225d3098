package de.pfd.grants.query.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.grant.FindRefundClaimsQuery;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.RefundClaim;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Refund claims from hand-made events on the real event store: a cancelled project
 * (GrantCancelled) and a settlement that paid too much (ProofOfUseAccepted), with due
 * days, refunds at their value dates and interest under § 49a VwVfG, as of a given day.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = { "axon.axonserver.enabled=false",
		"axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson" })
class RefundClaimProjectionTest {

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	RefundClaims claims;

	@Test
	void a_cancelled_project_with_money_paid_is_a_claim_due_four_weeks_after_its_cancellation() {
		PartnershipId partnership = partnership();
		FundId fund = FundId.of(partnership, FundType.ACTION_FUND, 2024);
		ApplicationId id = new ApplicationId("cancelled-" + suffix());
		List<Object> events = new ArrayList<>();
		events.add(drafted(id, partnership, fund));
		events.add(new PayoutRecorded(id, fund, "p-1", Money.euros("1000.00"), LocalDate.parse("2024-01-10"), null,
				LocalDate.parse("2024-02-21")));
		events.add(new GrantCancelled(id, fund, "Projekt abgesagt", "staff", LocalDate.parse("2024-03-01"),
				Money.euros("1000.00"), Money.euros("500.00"), Money.euros("1000.00")));
		events.add(new RefundRecorded(id, fund, "r-1", Money.euros("400.00"), LocalDate.parse("2024-04-01"),
				Money.euros("600.00")));
		append(id, Instant.parse("2024-03-01T10:00:00Z"), events);

		RefundClaim claim = awaitClaim(partnership, id, "2024-07-01", Money.euros("400.00"));

		assertThat(claim.kind()).isEqualTo(RefundClaim.Kind.CANCELLATION);
		assertThat(claim.fundId()).isEqualTo(fund);
		assertThat(claim.title()).isEqualTo("Sommerfest");
		assertThat(claim.amount()).isEqualTo(Money.euros("1000.00"));
		assertThat(claim.refunded()).isEqualTo(Money.euros("400.00"));
		assertThat(claim.outstanding()).isEqualTo(Money.euros("600.00"));
		assertThat(claim.arisenOn()).isEqualTo(LocalDate.parse("2024-03-01"));
		assertThat(claim.dueOn()).isEqualTo(LocalDate.parse("2024-03-29"));
		assertThat(claim.overdue()).isTrue();
		// 400.00 x 8.62 % x 31 days = 2.93 (to the refund's value date), and the rest
		// 600.00 x 8.62 % x 122 days = 17.29 (to 1 July): 20.22, below 25.00
		assertThat(claim.interest()).isEqualTo(Money.euros("20.22"));
		assertThat(claim.waived()).isTrue();
		// 1000.00 paid, to be spent by 21 February, cancelled on 1 March: 9 days at 8.62
		// %
		assertThat(claim.unusedMoneyInterest()).isEqualTo(Money.euros("2.13"));
		assertThat(claim.unusedMoneyInterestWaived()).isTrue();

		RefundClaim beforeItsDueDay = this.claims.of(partnership, id, LocalDate.parse("2024-03-29")).orElseThrow();
		assertThat(beforeItsDueDay.overdue()).isFalse();
		assertThat(this.claims.of(partnership, id, LocalDate.parse("2024-03-30")).orElseThrow().overdue()).isTrue();
	}

	@Test
	void a_settlement_that_paid_too_much_is_a_claim_arising_on_the_day_of_the_review_in_berlin() {
		PartnershipId partnership = partnership();
		FundId fund = FundId.of(partnership, FundType.YOUTH_FUND, 2024);
		ApplicationId id = new ApplicationId("settled-" + suffix());
		// reviewed at 00:30 on 1 June in Berlin, 22:30 on 31 May in UTC
		append(id, Instant.parse("2024-05-31T22:30:00Z"),
				List.of(drafted(id, partnership, fund), new ProofOfUseAccepted(id, fund, Money.euros("3000.00"),
						Money.euros("3000.00"), Money.euros("5000.00"), Money.ZERO, Money.euros("2000.00"), null)));
		ApplicationId noClaim = new ApplicationId("settled-even-" + suffix());
		append(noClaim, Instant.parse("2024-05-31T22:30:00Z"),
				List.of(drafted(noClaim, partnership, fund),
						new ProofOfUseAccepted(noClaim, fund, Money.euros("900.00"), Money.euros("900.00"),
								Money.euros("900.00"), Money.ZERO, Money.ZERO, null)));

		RefundClaim claim = awaitClaim(partnership, id, "2024-12-31", Money.ZERO);

		assertThat(claim.kind()).isEqualTo(RefundClaim.Kind.SETTLEMENT);
		assertThat(claim.arisenOn()).isEqualTo(LocalDate.parse("2024-06-01"));
		assertThat(claim.dueOn()).isEqualTo(LocalDate.parse("2024-06-29"));
		assertThat(claim.outstanding()).isEqualTo(Money.euros("2000.00"));
		// 2000.00 x (8.62 % x 30 days + 8.37 % x 183 days) / 365 = 98.099...
		assertThat(claim.interest()).isEqualTo(Money.euros("98.10"));
		assertThat(claim.waived()).isFalse();
		assertThat(claim.unusedMoneyInterest()).isEqualTo(Money.ZERO);
		// a settlement that paid exactly the final grant claims nothing
		assertThat(this.claims.of(partnership, noClaim, LocalDate.parse("2024-12-31"))).isEmpty();

		// by query, as of today: overdue since June 2024, and only for its partnership
		List<RefundClaim> overdue = this.queries
			.query(new FindRefundClaimsQuery(partnership, true), ResponseTypes.multipleInstancesOf(RefundClaim.class))
			.join();
		assertThat(overdue).extracting(RefundClaim::applicationId).containsExactly(id);
		assertThat(this.queries
			.query(new FindRefundClaimsQuery(partnership(), false),
					ResponseTypes.multipleInstancesOf(RefundClaim.class))
			.join()).isEmpty();
	}

	/**
	 * The claim once the projection has caught up with its last event: the refunds
	 * appended after the claim are projected too (they come later than the claim itself).
	 */
	private RefundClaim awaitClaim(PartnershipId partnership, ApplicationId id, String today, Money refunded) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Optional<RefundClaim> claim = this.claims.of(partnership, id, LocalDate.parse(today));
			assertThat(claim).isPresent();
			assertThat(claim.get().refunded()).isEqualTo(refunded);
			assertThat(claim.get().refunded().plus(claim.get().outstanding())).isEqualTo(claim.get().amount());
		});
		return this.claims.of(partnership, id, LocalDate.parse(today)).orElseThrow();
	}

	private static ApplicationDrafted drafted(ApplicationId id, PartnershipId partnership, FundId fund) {
		return new ApplicationDrafted(id, partnership, fund, "applicant1", new ApplicationContent("Sommerfest", null,
				null, ActionField.DEMOCRACY_PROMOTION, null, null, null, null, null, null, null, null));
	}

	private void append(ApplicationId id, Instant at, List<Object> payloads) {
		List<EventMessage<?>> events = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			events.add(new GenericDomainEventMessage<>("Application", id.value(), i, payloads.get(i),
					MetaData.with("userId", "staff"), UUID.randomUUID().toString(), at));
		}
		this.transactionManager.executeInTransaction(() -> this.eventStore.publish(events));
	}

	private static PartnershipId partnership() {
		return new PartnershipId("pfd-rc-" + suffix());
	}

	private static String suffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
	}

}
