package de.pfd.grants.command.organisation;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.organisation.AccountLinkedToOrganisation;
import de.pfd.grants.shared.organisation.LinkAccountToOrganisationCommand;
import de.pfd.grants.shared.organisation.MergeOrganisationCommand;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationMerged;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.organisation.RegisterOrganisationCommand;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Organisations as identities: registered with name and legal form, accounts linked to
 * them by events, duplicates merged into the organisation that survives.
 */
class OrganisationTest {

	static final PartnershipId PARTNERSHIP = KnownOrganisations.PARTNERSHIP;

	static final OrganisationId VEREIN = new OrganisationId("org-kulturverein");

	static final OrganisationId DUPLICATE = new OrganisationId("org-kulturverein-ev");

	private final KnownOrganisations organisations = new KnownOrganisations().with(VEREIN);

	private FixtureConfiguration<Organisation> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Organisation.class);
		this.fixture.registerInjectableResource(this.organisations);
	}

	static OrganisationRegistered registered(OrganisationId id, String name) {
		return new OrganisationRegistered(id, PARTNERSHIP, name, LegalForm.REGISTERED_ASSOCIATION, "Markt 1, Mettmann",
				"Erika Muster", "erika@example.org");
	}

	// register

	@Test
	void registering_an_organisation_emits_organisation_registered_with_the_fields_stripped() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterOrganisationCommand(VEREIN, PARTNERSHIP, "  Kulturverein Mettmann e.V. ",
					LegalForm.REGISTERED_ASSOCIATION, " Markt 1, Mettmann ", "Erika Muster", "erika@example.org", null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(registered(VEREIN, "Kulturverein Mettmann e.V."));
	}

	@Test
	void an_applicant_registering_their_organisation_belongs_to_it_from_the_start() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterOrganisationCommand(VEREIN, PARTNERSHIP, "Erika Muster", LegalForm.PRIVATE_PERSON, null,
					"", null, "applicant1"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new OrganisationRegistered(VEREIN, PARTNERSHIP, "Erika Muster", LegalForm.PRIVATE_PERSON,
					null, null, null), new AccountLinkedToOrganisation(VEREIN, "applicant1"));
	}

	@Test
	void an_organisation_without_a_name_is_refused_naming_the_field() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterOrganisationCommand(VEREIN, PARTNERSHIP, "  ", LegalForm.INITIATIVE, null, null, null,
					null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "name"))
			.expectNoEvents();
	}

	@Test
	void an_organisation_without_a_legal_form_is_refused_naming_the_field() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterOrganisationCommand(VEREIN, PARTNERSHIP, "Initiative", null, null, null, null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "legalForm"))
			.expectNoEvents();
	}

	@Test
	void an_overlong_address_is_refused_naming_the_field() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterOrganisationCommand(VEREIN, PARTNERSHIP, "Initiative", LegalForm.INITIATIVE,
					"x".repeat(501), null, null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "address"))
			.expectNoEvents();
	}

	// accounts

	@Test
	void linking_an_account_emits_account_linked_to_organisation() {
		this.fixture.given(registered(VEREIN, "Kulturverein Mettmann e.V."))
			.when(new LinkAccountToOrganisationCommand(VEREIN, "applicant1"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new AccountLinkedToOrganisation(VEREIN, "applicant1"));
	}

	@Test
	void linking_an_account_that_belongs_already_emits_nothing() {
		this.fixture
			.given(registered(VEREIN, "Kulturverein Mettmann e.V."),
					new AccountLinkedToOrganisation(VEREIN, "applicant1"))
			.when(new LinkAccountToOrganisationCommand(VEREIN, "applicant1"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_account_is_not_linked_to_a_merged_duplicate_CONFLICT() {
		this.fixture.given(registered(DUPLICATE, "Kulturverein Mettmann eV"), new OrganisationMerged(DUPLICATE, VEREIN))
			.when(new LinkAccountToOrganisationCommand(DUPLICATE, "applicant1"))
			.expectException(refusedWith(ErrorCode.CONFLICT))
			.expectNoEvents();
	}

	// merge

	@Test
	void a_duplicate_is_merged_into_the_surviving_organisation() {
		this.fixture.given(registered(DUPLICATE, "Kulturverein Mettmann eV"))
			.when(new MergeOrganisationCommand(DUPLICATE, VEREIN))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new OrganisationMerged(DUPLICATE, VEREIN));
	}

	@Test
	void an_organisation_is_not_merged_into_itself() {
		this.organisations.with(DUPLICATE);
		this.fixture.given(registered(DUPLICATE, "Kulturverein Mettmann eV"))
			.when(new MergeOrganisationCommand(DUPLICATE, DUPLICATE))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "into"))
			.expectNoEvents();
	}

	@Test
	void a_merge_into_an_unknown_organisation_is_refused_naming_the_field() {
		this.fixture.given(registered(DUPLICATE, "Kulturverein Mettmann eV"))
			.when(new MergeOrganisationCommand(DUPLICATE, new OrganisationId("nobody")))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "into"))
			.expectNoEvents();
	}

	@Test
	void a_merge_into_another_partnerships_organisation_is_refused_as_unknown() {
		OrganisationId elsewhere = new OrganisationId("org-ratingen");
		this.organisations.with(elsewhere, new PartnershipId("pfd-ratingen"));
		this.fixture.given(registered(DUPLICATE, "Kulturverein Mettmann eV"))
			.when(new MergeOrganisationCommand(DUPLICATE, elsewhere))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "into"))
			.expectNoEvents();
	}

	@Test
	void a_merge_into_an_organisation_that_was_merged_itself_is_refused_so_ids_never_resolve_in_a_circle() {
		OrganisationId third = new OrganisationId("org-third");
		this.organisations.merged(VEREIN, third);
		this.fixture.given(registered(DUPLICATE, "Kulturverein Mettmann eV"))
			.when(new MergeOrganisationCommand(DUPLICATE, VEREIN))
			.expectException(refusedWith(ErrorCode.CONFLICT, "into"))
			.expectNoEvents();
	}

	@Test
	void a_merged_duplicate_is_not_merged_again_CONFLICT() {
		this.organisations.with(new OrganisationId("org-third"));
		this.fixture.given(registered(DUPLICATE, "Kulturverein Mettmann eV"), new OrganisationMerged(DUPLICATE, VEREIN))
			.when(new MergeOrganisationCommand(DUPLICATE, new OrganisationId("org-third")))
			.expectException(refusedWith(ErrorCode.CONFLICT))
			.expectNoEvents();
	}

	// resolution

	@Test
	void a_merged_id_resolves_to_the_survivor_also_through_merges_of_merges() {
		OrganisationId third = new OrganisationId("org-third");
		KnownOrganisations known = new KnownOrganisations().merged(DUPLICATE, VEREIN).merged(VEREIN, third);
		assertThat(known.resolve(DUPLICATE)).isEqualTo(third);
		assertThat(known.resolve(third)).isEqualTo(third);
		assertThat(known.resolve(new OrganisationId("unknown"))).isEqualTo(new OrganisationId("unknown"));
	}

}
