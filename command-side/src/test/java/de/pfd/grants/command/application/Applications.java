package de.pfd.grants.command.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import de.pfd.grants.command.body.Rosters;
import de.pfd.grants.command.fund.FundLedger;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.organisation.KnownOrganisations;
import de.pfd.grants.command.organisation.Organisations;
import de.pfd.grants.command.partnership.FixedPartnerships;
import de.pfd.grants.command.partnership.Partnerships;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.document.DocumentLimits;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Builders for the standard application of Kreis Mettmann (in the action fund 2019 unless
 * said otherwise): its content, its commands and its events up to the decision.
 */
public final class Applications {

	public static final PartnershipId PARTNERSHIP = Funds.PARTNERSHIP;

	public static final FundId ACTION_FUND = Funds.FUND;

	public static final FundId YOUTH_FUND = Funds.YOUTH_FUND;

	public static final ApplicationId APPLICATION = Funds.APPLICATION;

	public static final String OWNER = "applicant-1";

	public static final String OTHER_APPLICANT = "applicant-2";

	private Applications() {
	}

	public static Money euros(String amount) {
		return Money.euros(amount);
	}

	/**
	 * A fixture of the application aggregate whose handlers reach the fund and the bodies
	 * through these doubles.
	 */
	public static FixtureConfiguration<Application> fixture(FundLedger funds, Rosters rosters) {
		return fixture(funds, rosters, KnownOrganisations.standard());
	}

	/**
	 * As {@link #fixture(FundLedger, Rosters)}, knowing these organisations; four eyes
	 * for payouts are off (the tests of four eyes turn them on).
	 */
	public static FixtureConfiguration<Application> fixture(FundLedger funds, Rosters rosters,
			Organisations organisations) {
		return fixture(funds, rosters, organisations, FixedPartnerships.withoutFourEyes());
	}

	/** As {@link #fixture(FundLedger, Rosters, Organisations)}, with these settings. */
	public static FixtureConfiguration<Application> fixture(FundLedger funds, Rosters rosters,
			Organisations organisations, Partnerships partnerships) {
		return fixture(funds, rosters, organisations, partnerships, DocumentLimits.DEFAULT);
	}

	/** As {@link #fixture(FundLedger, Rosters)}, with these limits of the documents. */
	public static FixtureConfiguration<Application> fixture(FundLedger funds, Rosters rosters, DocumentLimits limits) {
		return fixture(funds, rosters, KnownOrganisations.standard(), FixedPartnerships.withoutFourEyes(), limits);
	}

	private static FixtureConfiguration<Application> fixture(FundLedger funds, Rosters rosters,
			Organisations organisations, Partnerships partnerships, DocumentLimits limits) {
		FixtureConfiguration<Application> fixture = new AggregateTestFixture<>(Application.class);
		fixture.registerInjectableResource(funds);
		fixture.registerInjectableResource(rosters);
		fixture.registerInjectableResource(organisations);
		fixture.registerInjectableResource(partnerships);
		fixture.registerInjectableResource(limits);
		return fixture;
	}

	// content

	public static Applicant applicant(LegalForm legalForm, Boolean youthConfirmed) {
		return new Applicant("Demokratie leben e.V.", legalForm, "Erika Muster", "erika@example.org",
				"Hauptstr. 1, 40822 Mettmann", youthConfirmed);
	}

	/** The complete content, with an applicant of this legal form and confirmation. */
	public static ApplicationContent contentBy(LegalForm legalForm, Boolean youthConfirmed) {
		return content().applicant(applicant(legalForm, youthConfirmed)).build();
	}

	/**
	 * A complete application that adds up: costs 1,200.00 - own funds 200.00 = 1,000.00
	 * requested; no youth confirmation; from 1 May to 30 September 2019.
	 */
	public static ApplicationContent completeContent() {
		return content().build();
	}

	/** A builder starting from {@link #completeContent()}. */
	public static ContentBuilder content() {
		return new ContentBuilder().title("Demokratie-Werkstatt")
			.summary("Workshops for young people on local democracy")
			.description("Four workshops in the youth centre, with a final town-hall visit")
			.actionField(ActionField.DEMOCRACY_PROMOTION)
			.targetGroups(List.of(TargetGroup.YOUTH))
			.expectedParticipants(40)
			.startDate(LocalDate.of(2019, 5, 1))
			.endDate(LocalDate.of(2019, 9, 30))
			.applicant(applicant(LegalForm.REGISTERED_ASSOCIATION, null))
			.costs(List.of(new CostItem(CostCategory.FEES, "Honorar Referentin", euros("1200.00"))))
			.income(List.of(new IncomeItem(IncomeSource.OWN_FUNDS, "Eigenmittel", euros("200.00"))))
			.requestedAmount(euros("1000.00"));
	}

	/** A draft with nothing filled in. */
	public static ApplicationContent emptyContent() {
		return emptyContentBuilder().build();
	}

	public static ContentBuilder emptyContentBuilder() {
		return new ContentBuilder();
	}

	// commands

	public static CreateApplicationCommand create(ApplicationContent content) {
		return create(ACTION_FUND, content);
	}

	public static CreateApplicationCommand create(FundId fund, ApplicationContent content) {
		return new CreateApplicationCommand(APPLICATION, PARTNERSHIP, OWNER, fund, content);
	}

	public static UpdateApplicationCommand update(ApplicationContent content) {
		return new UpdateApplicationCommand(APPLICATION, OWNER, content);
	}

	public static SubmitApplicationCommand submit() {
		return new SubmitApplicationCommand(APPLICATION, OWNER);
	}

	public static PerformFormalCheckCommand check(FormalCheckOutcome outcome, String note) {
		return new PerformFormalCheckCommand(APPLICATION, outcome, note);
	}

	public static WithdrawApplicationCommand withdraw(String requestedBy, String reason) {
		return new WithdrawApplicationCommand(APPLICATION, requestedBy, reason);
	}

	// events

	public static ApplicationDrafted drafted() {
		return drafted(completeContent());
	}

	public static ApplicationDrafted drafted(ApplicationContent content) {
		return new ApplicationDrafted(APPLICATION, PARTNERSHIP, ACTION_FUND, OWNER, content);
	}

	/** The standard draft, filed for the organisation with this id. */
	public static ApplicationDrafted draftedFor(OrganisationId organisation) {
		return new ApplicationDrafted(APPLICATION, PARTNERSHIP, ACTION_FUND, OWNER, completeContent(), organisation);
	}

	/**
	 * Filed for the organisation by id, submitted as version 1 and accepted, followed by
	 * the given events.
	 */
	public static List<Object> readyForDecisionOf(OrganisationId organisation, Object... then) {
		List<Object> events = readyForDecision(then);
		events.set(0, draftedFor(organisation));
		return events;
	}

	public static ApplicationDrafted draftedInYouthFund(ApplicationContent content) {
		return new ApplicationDrafted(APPLICATION, PARTNERSHIP, YOUTH_FUND, OWNER, content);
	}

	public static ApplicationSubmitted submitted(int version) {
		return submitted(version, completeContent());
	}

	public static ApplicationSubmitted submitted(int version, ApplicationContent content) {
		return new ApplicationSubmitted(APPLICATION, ACTION_FUND, version, content);
	}

	public static ApplicationAccepted accepted(int version) {
		return new ApplicationAccepted(APPLICATION, version, null);
	}

	public static ApplicationReturnedForRevision returned(int version) {
		return new ApplicationReturnedForRevision(APPLICATION, version, "please add the venue");
	}

	public static ApplicationRejectedAsIneligible rejected(int version) {
		return new ApplicationRejectedAsIneligible(APPLICATION, version, "not eligible");
	}

	public static ApplicationWithdrawn withdrawn(ApplicationStatus previousStatus) {
		return new ApplicationWithdrawn(APPLICATION, ACTION_FUND, previousStatus, null);
	}

	/**
	 * Drafted, submitted as version 1 and accepted, followed by the given events (an
	 * {@code Object[]} among them stands for its elements).
	 */
	public static List<Object> readyForDecision(Object... then) {
		List<Object> events = new ArrayList<>(List.of(drafted(), submitted(1), accepted(1)));
		for (Object event : then) {
			if (event instanceof Object[] several) {
				events.addAll(Arrays.asList(several));
			}
			else {
				events.add(event);
			}
		}
		return events;
	}

}
