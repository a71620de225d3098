package de.pfd.grants.command.body;

import static de.pfd.grants.command.common.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.body.AddMemberCommand;
import de.pfd.grants.shared.body.ChangeVotingRulesCommand;
import de.pfd.grants.shared.body.DecisionBodyEstablished;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.EstablishDecisionBodyCommand;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.MemberAdded;
import de.pfd.grants.shared.body.MemberRemoved;
import de.pfd.grants.shared.body.RemoveMemberCommand;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.body.VotingRulesChanged;
import de.pfd.grants.command.organisation.KnownOrganisations;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

class DecisionBodyTest {

	private FixtureConfiguration<DecisionBody> fixture;

	private final KnownOrganisations organisations = KnownOrganisations.standard();

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(DecisionBody.class);
		this.fixture.registerInjectableResource(this.organisations);
	}

	// establish

	@Test
	void establishing_a_steering_board_emits_decision_body_established_with_the_default_rules() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishDecisionBodyCommand(Bodies.BOARD, Bodies.PARTNERSHIP, DecisionBodyType.STEERING_BOARD,
					"  Begleitausschuss Kreis Mettmann "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new DecisionBodyEstablished(Bodies.BOARD, Bodies.PARTNERSHIP, DecisionBodyType.STEERING_BOARD,
					"Begleitausschuss Kreis Mettmann", new VotingRules(1, 50, Duration.ofDays(14))));
	}

	@Test
	void the_body_id_is_derived_from_partnership_and_type() {
		DecisionBodyId youthForum = new DecisionBodyId("kreis-mettmann-youth-forum");
		this.fixture.givenNoPriorActivity()
			.when(new EstablishDecisionBodyCommand(youthForum, Bodies.PARTNERSHIP, DecisionBodyType.YOUTH_FORUM,
					"Jugendforum"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new DecisionBodyEstablished(youthForum, Bodies.PARTNERSHIP, DecisionBodyType.YOUTH_FORUM,
					"Jugendforum", VotingRules.defaults()));
	}

	@Test
	void establishing_with_an_id_of_another_type_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishDecisionBodyCommand(Bodies.BOARD, Bodies.PARTNERSHIP, DecisionBodyType.YOUTH_FORUM,
					"Jugendforum"))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("the body id is derived from partnership and type")
			.expectNoEvents();
	}

	@Test
	void establishing_with_an_id_that_is_not_derived_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishDecisionBodyCommand(new DecisionBodyId("my-board"), Bodies.PARTNERSHIP,
					DecisionBodyType.STEERING_BOARD, "Begleitausschuss"))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void establishing_with_the_id_of_another_partnership_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishDecisionBodyCommand(
					DecisionBodyId.of(new PartnershipId("stadt-wuppertal"), DecisionBodyType.STEERING_BOARD),
					Bodies.PARTNERSHIP, DecisionBodyType.STEERING_BOARD, "Begleitausschuss"))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void establishing_without_a_name_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishDecisionBodyCommand(Bodies.BOARD, Bodies.PARTNERSHIP, DecisionBodyType.STEERING_BOARD,
					"   "))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("a body needs a name")
			.expectNoEvents();
	}

	// add member

	@Test
	void adding_a_member_emits_member_added() {
		this.fixture.given(Bodies.established())
			.when(new AddMemberCommand(Bodies.BOARD, Bodies.anna()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new MemberAdded(Bodies.BOARD, Bodies.anna()));
	}

	@Test
	void adding_an_advisory_member_emits_member_added() {
		Member advisor = new Member("jugendamt", "Jugendamt", "Kreis Mettmann", false);
		this.fixture.given(Bodies.established())
			.when(new AddMemberCommand(Bodies.BOARD, advisor))
			.expectEvents(new MemberAdded(Bodies.BOARD, advisor));
	}

	@Test
	void adding_the_same_member_again_emits_nothing_and_succeeds() {
		this.fixture.given(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()))
			.when(new AddMemberCommand(Bodies.BOARD, Bodies.anna()))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void adding_a_member_with_a_changed_organisation_emits_member_added() {
		Member moved = new Member("anna", "Anna Beispiel", "Jugendring Mettmann", true);
		this.fixture.given(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()))
			.when(new AddMemberCommand(Bodies.BOARD, moved))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new MemberAdded(Bodies.BOARD, moved));
	}

	@Test
	void adding_a_member_with_a_changed_voting_right_emits_member_added() {
		Member advisory = new Member("anna", "Anna Beispiel", "Demokratie leben e.V.", false);
		this.fixture.given(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()))
			.when(new AddMemberCommand(Bodies.BOARD, advisory))
			.expectEvents(new MemberAdded(Bodies.BOARD, advisory));
	}

	@Test
	void adding_a_removed_member_again_emits_member_added() {
		this.fixture
			.given(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()),
					new MemberRemoved(Bodies.BOARD, "anna"))
			.when(new AddMemberCommand(Bodies.BOARD, Bodies.anna()))
			.expectEvents(new MemberAdded(Bodies.BOARD, Bodies.anna()));
	}

	@Test
	void adding_a_member_without_an_account_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Bodies.established())
			.when(new AddMemberCommand(Bodies.BOARD, new Member(" ", "Anna Beispiel", "Demokratie leben e.V.", true)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("a member needs an account")
			.expectNoEvents();
	}

	// remove member

	@Test
	void removing_a_member_emits_member_removed() {
		this.fixture.given(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()))
			.when(new RemoveMemberCommand(Bodies.BOARD, "anna"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new MemberRemoved(Bodies.BOARD, "anna"));
	}

	@Test
	void removing_an_unknown_member_is_refused_with_NOT_FOUND() {
		this.fixture.given(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()))
			.when(new RemoveMemberCommand(Bodies.BOARD, "bernd"))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectExceptionMessage("not a member of this body")
			.expectNoEvents();
	}

	@Test
	void removing_a_member_twice_is_refused_with_NOT_FOUND() {
		this.fixture
			.given(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()),
					new MemberRemoved(Bodies.BOARD, "anna"))
			.when(new RemoveMemberCommand(Bodies.BOARD, "anna"))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	// voting rules

	@Test
	void changing_the_rules_emits_version_2() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 66, Duration.ofDays(21)))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new VotingRulesChanged(Bodies.BOARD, new VotingRules(2, 66, Duration.ofDays(21))));
	}

	@Test
	void every_change_of_the_rules_increments_the_version() {
		this.fixture
			.given(Bodies.established(),
					new VotingRulesChanged(Bodies.BOARD, new VotingRules(2, 66, Duration.ofDays(21))),
					new VotingRulesChanged(Bodies.BOARD, new VotingRules(3, 60, Duration.ofDays(7))))
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 50, Duration.ofDays(14)))
			.expectEvents(new VotingRulesChanged(Bodies.BOARD, new VotingRules(4, 50, Duration.ofDays(14))));
	}

	@Test
	void the_bounds_0_and_99_percent_and_1_and_90_days_are_allowed() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 0, Duration.ofDays(1)))
			.expectEvents(new VotingRulesChanged(Bodies.BOARD, new VotingRules(2, 0, Duration.ofDays(1))));
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 99, Duration.ofDays(90)))
			.expectEvents(new VotingRulesChanged(Bodies.BOARD, new VotingRules(2, 99, Duration.ofDays(90))));
	}

	@Test
	void a_quorum_of_100_percent_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 100, Duration.ofDays(14)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("the quorum is a share from 0 to 99 percent of the eligible members")
			.expectNoEvents();
	}

	@Test
	void a_negative_quorum_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, -1, Duration.ofDays(14)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void a_circular_procedure_of_0_days_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 50, Duration.ZERO))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("a circular procedure lasts from 1 to 90 days")
			.expectNoEvents();
	}

	@Test
	void a_circular_procedure_of_less_than_a_day_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 50, Duration.ofHours(23)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void a_circular_procedure_of_91_days_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 50, Duration.ofDays(91)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("a circular procedure lasts from 1 to 90 days")
			.expectNoEvents();
	}

	@Test
	void a_negative_or_missing_circular_duration_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 50, Duration.ofDays(-14)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
		this.fixture.given(Bodies.established())
			.when(new ChangeVotingRulesCommand(Bodies.BOARD, 50, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	// roster

	@Test
	void the_roster_lists_the_voting_members_under_the_current_rules() {
		Member advisor = new Member("jugendamt", "Jugendamt", "Kreis Mettmann", false);
		VotingRules changed = new VotingRules(2, 66, Duration.ofDays(21));
		DecisionBody body = Bodies.sourcedFrom(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()),
				new MemberAdded(Bodies.BOARD, advisor), new VotingRulesChanged(Bodies.BOARD, changed));

		assertThat(body.roster()).isEqualTo(new Roster(Bodies.BOARD, List.of(Bodies.anna()), changed));
	}

	@Test
	void a_removed_member_is_not_on_the_roster() {
		DecisionBody body = Bodies.sourcedFrom(Bodies.established(), new MemberAdded(Bodies.BOARD, Bodies.anna()),
				new MemberRemoved(Bodies.BOARD, "anna"));

		assertThat(body.roster().votingMembers()).isEmpty();
	}

	// organisations represented, by id

	@Test
	void a_member_represents_organisations_of_the_partnership_by_id() {
		Member represents = new Member("anna", "Anna Beispiel", "Demokratie leben e.V.", true,
				List.of(KnownOrganisations.APPLICANT));
		this.fixture.given(Bodies.established())
			.when(new AddMemberCommand(Bodies.BOARD, represents))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new MemberAdded(Bodies.BOARD, represents));
	}

	@Test
	void a_member_of_an_unknown_or_another_partnerships_organisation_is_refused_naming_organisationIds() {
		OrganisationId elsewhere = new OrganisationId("org-ratingen");
		this.organisations.with(elsewhere, new PartnershipId("pfd-ratingen"));
		for (OrganisationId id : List.of(new OrganisationId("unknown"), elsewhere)) {
			this.fixture.given(Bodies.established())
				.when(new AddMemberCommand(Bodies.BOARD,
						new Member("anna", "Anna Beispiel", "Demokratie leben e.V.", true, List.of(id))))
				.expectException(refusedWith(ErrorCode.INVALID_INPUT, "organisationIds"))
				.expectNoEvents();
		}
	}

}
