package de.pfd.grants.query.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The event history that {@link ApplicationProjectionTest} appends, once a test: the 2019
 * action and youth funds of a fresh partnership and four applications with their whole
 * histories, as domain events of the Fund and Application aggregates.
 *
 * <p>
 * The action fund (steering board) has application A (drafted, completed, submitted,
 * returned for revision, revised, resubmitted as version 2, accepted) and B (submitted,
 * then withdrawn). The youth fund (youth forum) has C (submitted, still waiting for its
 * check) and D (submitted, rejected as ineligible).
 */
final class ApplicationHistories {

	static final String APPLICANT_1 = "applicant1";

	static final String APPLICANT_2 = "applicant2";

	static final String APPLICANT_3 = "applicant3";

	static final String STAFF = "staff";

	/** Both funds are opened on the same day. */
	private static final Instant FUNDS_OPENED = Instant.parse("2019-01-07T09:00:00Z");

	static final Instant A_DRAFTED = Instant.parse("2019-02-18T10:00:00Z");

	private static final Instant A_COMPLETED = Instant.parse("2019-02-25T10:00:00Z");

	static final Instant B_DRAFTED = Instant.parse("2019-02-26T10:00:00Z");

	static final Instant A_SUBMITTED_1 = Instant.parse("2019-03-01T10:00:00Z");

	static final Instant B_SUBMITTED = Instant.parse("2019-03-05T10:00:00Z");

	static final Instant B_WITHDRAWN = Instant.parse("2019-03-10T10:00:00Z");

	/** 14 days after the first submission. */
	static final Instant A_RETURNED = Instant.parse("2019-03-15T10:00:00Z");

	private static final Instant A_REVISED = Instant.parse("2019-03-18T10:00:00Z");

	static final Instant A_SUBMITTED_2 = Instant.parse("2019-03-20T10:00:00Z");

	private static final Instant C_DRAFTED = Instant.parse("2019-03-25T10:00:00Z");

	static final Instant D_DRAFTED = Instant.parse("2019-03-26T10:00:00Z");

	/** 7 days after the second submission. */
	static final Instant A_ACCEPTED = Instant.parse("2019-03-27T10:00:00Z");

	static final Instant C_SUBMITTED = Instant.parse("2019-04-01T10:00:00Z");

	static final Instant D_SUBMITTED = Instant.parse("2019-04-02T10:00:00Z");

	/** 3 days after D's submission. */
	static final Instant D_REJECTED = Instant.parse("2019-04-05T10:00:00Z");

	static final String RETURN_NOTE = "Bitte den Kostenplan um das Material ergänzen";

	static final String ACCEPT_NOTE = "Vollständig und förderfähig";

	static final String WITHDRAW_REASON = "Die Räume stehen nicht mehr zur Verfügung";

	static final String REJECT_REASON = "Kommerzielle Veranstaltung, nicht förderfähig";

	private static final Applicant ASSOCIATION = new Applicant("Bürgerverein Mettmann e.V.",
			LegalForm.REGISTERED_ASSOCIATION, "Maria Beispiel", "vorstand@buergerverein.example",
			"Hauptstraße 1, 40822 Mettmann", null);

	private static final Applicant INITIATIVE = new Applicant("Nachbarschaftsinitiative Süd", LegalForm.INITIATIVE,
			"Ahmet Yılmaz", "kontakt@nachbarn-sued.example", "Gartenweg 5, 40822 Mettmann", null);

	private static final Applicant YOUTH_GROUP = new Applicant("Jugendgruppe Funkloch", LegalForm.INFORMAL_YOUTH_GROUP,
			"Lea Muster", "funkloch@jugend.example", "Schulstraße 3, 40822 Mettmann", true);

	private static final Applicant GAMERS = new Applicant("Gaming-Club Mettmann", LegalForm.REGISTERED_ASSOCIATION,
			"Tim Test", "info@gaming-club.example", "Bahnhofstraße 7, 40822 Mettmann", true);

	/** A's first draft: only a title, an action field and the applicant. */
	private static final ApplicationContent A_DRAFT = new ApplicationContent("Demokratiewerkstatt", null, null,
			ActionField.DEMOCRACY_PROMOTION, null, null, null, null, ASSOCIATION, null, null, null);

	/** A as first submitted: costs 4500.00 - income 500.00 = requested 4000.00. */
	private static final ApplicationContent A_VERSION_1 = new ApplicationContent("Demokratiewerkstatt",
			"Workshops zu Beteiligung und Kommunalpolitik",
			"Sechs Workshops mit Jugendlichen und Multiplikatoren im Bürgerhaus.", ActionField.DEMOCRACY_PROMOTION,
			List.of(TargetGroup.YOUTH, TargetGroup.MULTIPLIERS), 40, LocalDate.of(2019, 5, 1),
			LocalDate.of(2019, 10, 31), ASSOCIATION,
			List.of(new CostItem(CostCategory.FEES, "Honorare Referentinnen", Money.euros("3000.00")),
					new CostItem(CostCategory.RENT, "Raummiete Bürgerhaus", Money.euros("1500.00"))),
			List.of(new IncomeItem(IncomeSource.OWN_FUNDS, "Eigenmittel", Money.euros("500.00"))),
			Money.euros("4000.00"));

	/**
	 * A as revised and resubmitted: costs 4800.00 - income 1000.00 = requested 3800.00;
	 * co-financing 1000.00 / 4800.00 = 20.83 % = 20.8.
	 */
	static final ApplicationContent A_VERSION_2 = new ApplicationContent("Demokratiewerkstatt 2019",
			"Workshops zu Beteiligung und Kommunalpolitik",
			"Sechs Workshops mit Jugendlichen und Multiplikatoren im Bürgerhaus, mit Material.",
			ActionField.DEMOCRACY_PROMOTION, List.of(TargetGroup.YOUTH, TargetGroup.MULTIPLIERS), 45,
			LocalDate.of(2019, 5, 1), LocalDate.of(2019, 10, 31), ASSOCIATION,
			List.of(new CostItem(CostCategory.FEES, "Honorare Referentinnen", Money.euros("3000.00")),
					new CostItem(CostCategory.RENT, "Raummiete Bürgerhaus", Money.euros("1500.00")),
					new CostItem(CostCategory.MATERIAL, "Moderationsmaterial", Money.euros("300.00"))),
			List.of(new IncomeItem(IncomeSource.OWN_FUNDS, "Eigenmittel", Money.euros("500.00")),
					new IncomeItem(IncomeSource.THIRD_PARTY, "Zuschuss Stiftung", Money.euros("500.00"))),
			Money.euros("3800.00"));

	/** B: costs 2750.00 - income 250.00 = requested 2500.00. */
	static final ApplicationContent B_CONTENT = new ApplicationContent("Interkulturelles Straßenfest",
			"Ein Fest der Nachbarschaft", "Bühnenprogramm und Essensstände aus aller Welt.", ActionField.DIVERSITY,
			List.of(TargetGroup.FAMILIES, TargetGroup.MIGRANTS), 300, LocalDate.of(2019, 6, 15),
			LocalDate.of(2019, 6, 15), INITIATIVE,
			List.of(new CostItem(CostCategory.RENT, "Bühne und Zelte", Money.euros("1800.00")),
					new CostItem(CostCategory.PUBLIC_RELATIONS, "Plakate", Money.euros("950.00"))),
			List.of(new IncomeItem(IncomeSource.PARTICIPANT_FEES, "Standgebühren", Money.euros("250.00"))),
			Money.euros("2500.00"));

	/** C: costs 1200.00, no income = requested 1200.00. */
	private static final ApplicationContent C_CONTENT = new ApplicationContent("Podcast gegen Hass im Netz",
			"Jugendliche produzieren einen Podcast", "Acht Folgen über Hassrede und Zivilcourage.",
			ActionField.EXTREMISM_PREVENTION, List.of(TargetGroup.YOUTH), 12, LocalDate.of(2019, 5, 1),
			LocalDate.of(2019, 12, 31), YOUTH_GROUP,
			List.of(new CostItem(CostCategory.PURCHASES, "Mikrofone und Aufnahmegerät", Money.euros("1200.00"))), null,
			Money.euros("1200.00"));

	/** D: costs 900.00, no income = requested 900.00. */
	static final ApplicationContent D_CONTENT = new ApplicationContent("Gaming-Turnier", "Ein LAN-Turnier",
			"Ein Wochenende mit Eintritt.", ActionField.DIVERSITY, List.of(TargetGroup.YOUTH), 60,
			LocalDate.of(2019, 9, 7), LocalDate.of(2019, 9, 8), GAMERS,
			List.of(new CostItem(CostCategory.RENT, "Hallenmiete", Money.euros("900.00"))), null,
			Money.euros("900.00"));

	private ApplicationHistories() {
	}

	/**
	 * Opens the action and youth funds of a fresh partnership for 2019 and appends the
	 * four applications' histories, in one transaction and in the order of their
	 * timestamps, as the Fund and Application aggregates would have.
	 */
	static Scenario appendScenario(EventStore eventStore, TransactionManager transactionManager) {
		PartnershipId partnership = new PartnershipId("pfd-test-" + randomSuffix());
		FundId action = FundId.of(partnership, FundType.ACTION_FUND, 2019);
		FundId youth = FundId.of(partnership, FundType.YOUTH_FUND, 2019);
		ApplicationId a = ApplicationId.random();
		ApplicationId b = ApplicationId.random();
		ApplicationId c = ApplicationId.random();
		ApplicationId d = ApplicationId.random();
		List<EventMessage<?>> events = new ArrayList<>();
		events.add(fundEvent(action, FUNDS_OPENED,
				new FundOpened(action, partnership, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2019,
						Money.euros("35000.00"), Money.euros("5000.00"), Money.euros("500.00"))));
		events.add(fundEvent(youth, FUNDS_OPENED, new FundOpened(youth, partnership, FundType.YOUTH_FUND,
				DecisionBodyType.YOUTH_FORUM, 2019, Money.euros("10000.00"), Money.euros("1500.00"), null)));
		events.add(applicationEvent(a, 0, A_DRAFTED, APPLICANT_1,
				new ApplicationDrafted(a, partnership, action, APPLICANT_1, A_DRAFT)));
		events.add(applicationEvent(a, 1, A_COMPLETED, APPLICANT_1, new ApplicationDraftUpdated(a, A_VERSION_1)));
		events.add(applicationEvent(b, 0, B_DRAFTED, APPLICANT_2,
				new ApplicationDrafted(b, partnership, action, APPLICANT_2, B_CONTENT)));
		events.add(applicationEvent(a, 2, A_SUBMITTED_1, APPLICANT_1,
				new ApplicationSubmitted(a, action, 1, A_VERSION_1)));
		events.add(applicationEvent(b, 1, B_SUBMITTED, APPLICANT_2, new ApplicationSubmitted(b, action, 1, B_CONTENT)));
		events.add(applicationEvent(b, 2, B_WITHDRAWN, APPLICANT_2,
				new ApplicationWithdrawn(b, action, ApplicationStatus.SUBMITTED, WITHDRAW_REASON)));
		events.add(applicationEvent(a, 3, A_RETURNED, STAFF, new ApplicationReturnedForRevision(a, 1, RETURN_NOTE)));
		events.add(applicationEvent(a, 4, A_REVISED, APPLICANT_1, new ApplicationDraftUpdated(a, A_VERSION_2)));
		events.add(applicationEvent(a, 5, A_SUBMITTED_2, APPLICANT_1,
				new ApplicationSubmitted(a, action, 2, A_VERSION_2)));
		events.add(applicationEvent(c, 0, C_DRAFTED, APPLICANT_1,
				new ApplicationDrafted(c, partnership, youth, APPLICANT_1, C_CONTENT)));
		events.add(applicationEvent(d, 0, D_DRAFTED, APPLICANT_3,
				new ApplicationDrafted(d, partnership, youth, APPLICANT_3, D_CONTENT)));
		events.add(applicationEvent(a, 6, A_ACCEPTED, STAFF, new ApplicationAccepted(a, 2, ACCEPT_NOTE)));
		events.add(applicationEvent(c, 1, C_SUBMITTED, APPLICANT_1, new ApplicationSubmitted(c, youth, 1, C_CONTENT)));
		events.add(applicationEvent(d, 1, D_SUBMITTED, APPLICANT_3, new ApplicationSubmitted(d, youth, 1, D_CONTENT)));
		events.add(applicationEvent(d, 2, D_REJECTED, STAFF, new ApplicationRejectedAsIneligible(d, 1, REJECT_REASON)));
		transactionManager.executeInTransaction(() -> eventStore.publish(events));
		return new Scenario(partnership, action, youth, a, b, c, d);
	}

	private static EventMessage<?> fundEvent(FundId fund, Instant timestamp, Object payload) {
		return new GenericDomainEventMessage<>("Fund", fund.value(), 0, payload, MetaData.with("userId", STAFF),
				UUID.randomUUID().toString(), timestamp);
	}

	private static EventMessage<?> applicationEvent(ApplicationId application, long sequence, Instant timestamp,
			String user, Object payload) {
		return new GenericDomainEventMessage<>("Application", application.value(), sequence, payload,
				MetaData.with("userId", user), UUID.randomUUID().toString(), timestamp);
	}

	static String randomSuffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
	}

	/** What a test appended, and what its summaries must read as. */
	record Scenario(PartnershipId partnership, FundId actionFund, FundId youthFund, ApplicationId a, ApplicationId b,
			ApplicationId c, ApplicationId d) {

		List<ApplicationId> applications() {
			return List.of(this.a, this.b, this.c, this.d);
		}

		Instant statusSince(ApplicationId id) {
			return Map.of(this.a, A_ACCEPTED, this.b, B_WITHDRAWN, this.c, C_SUBMITTED, this.d, D_REJECTED).get(id);
		}

		ApplicationSummary summaryA() {
			return new ApplicationSummary(this.a, this.actionFund, ASSOCIATION.organisation(),
					"Demokratiewerkstatt 2019", ApplicationStatus.READY_FOR_DECISION, Money.euros("3800.00"),
					A_SUBMITTED_2, 0, 2);
		}

		ApplicationSummary summaryB() {
			return new ApplicationSummary(this.b, this.actionFund, INITIATIVE.organisation(),
					"Interkulturelles Straßenfest", ApplicationStatus.WITHDRAWN, Money.euros("2500.00"), B_SUBMITTED, 0,
					1);
		}

		ApplicationSummary summaryC() {
			return new ApplicationSummary(this.c, this.youthFund, YOUTH_GROUP.organisation(),
					"Podcast gegen Hass im Netz", ApplicationStatus.SUBMITTED, Money.euros("1200.00"), C_SUBMITTED, 0,
					1);
		}

		ApplicationSummary summaryD() {
			return new ApplicationSummary(this.d, this.youthFund, GAMERS.organisation(), "Gaming-Turnier",
					ApplicationStatus.REJECTED, Money.euros("900.00"), D_SUBMITTED, 0, 1);
		}

	}

}
