package de.pfd.grants.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.Declaration;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationNotFunded;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.EndAtFundClosureCommand;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.MemberAdded;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.document.AttachDocumentCommand;
import de.pfd.grants.shared.document.DocumentAttached;
import de.pfd.grants.shared.document.DocumentId;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.document.DocumentRemoved;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.CallRoundAdded;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySet;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.AccountLinkedToOrganisation;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationMerged;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * Events and messages survive Axon's Jackson serializer with the object mapper Spring
 * Boot builds, including records that have convenience constructors next to the canonical
 * one.
 */
class EventSerializationTest {

	static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
		.objectMapper(Jackson2ObjectMapperBuilder.json().build())
		.build();

	static final PartnershipId P = new PartnershipId("kreis-mettmann");

	static final FundId FUND = FundId.of(P, FundType.ACTION_FUND, 2019);

	static final ApplicationId APP = new ApplicationId("a-1");

	static Stream<Object> messages() {
		return Stream.of(new GrantNoticeConfirmed(APP, LocalDate.of(2019, 11, 11)),
				new FundOpened(FUND, P, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2019,
						Money.euros("35000.00"), Money.euros("5000.00"), null, 8, 10),
				new FundsReleased(FUND, APP, Money.euros("10.00"), Money.ZERO, "x", "release-1"),
				new FundsLapsed(FUND, APP, Money.euros("10.00"), FundsLapsed.AFTER_CLOSURE),
				new ApplicationNotFunded(APP, FUND, ApplicationStatus.IN_VOTING, ApplicationNotFunded.FUND_CLOSED),
				new EndAtFundClosureCommand(APP), new WaitlistPolicySet(FUND, WaitlistPolicy.FIRST_THAT_FITS, 1),
				new FundsReserved(FUND, APP, Money.euros("10.00"), WaitlistPolicy.FIRST_THAT_FITS, 1, 2),
				new ReservationWaitlisted(FUND, APP, Money.euros("10.00"), 1, 2),
				new CallRoundAdded(FUND, 1, "Frühjahr", LocalDate.of(2019, 3, 31), 50),
				new ReserveFundsCommand(FUND, APP, Money.euros("10.00"), true, 1),
				new ReleaseFundsCommand(FUND, APP, null, "withdrawn", "r-1"),
				new ReserveFundsCommand(FUND, APP, Money.euros("1.00"), true),
				new ConfirmGrantNoticeCommand(APP, "applicant1"),
				new RuleViolation(ErrorCode.SUBMISSION_INVALID, "missing",
						List.of(new RuleViolation.FieldViolation("title", "is required"))),
				new OpenFundCommand(P, FundType.YOUTH_FUND, 2019, Money.euros("10000.00"), null, null, 4, 5),
				new VoteOpened(APP, 2, DecisionBodyType.YOUTH_FORUM, VoteProcedure.CIRCULAR,
						Instant.parse("2019-06-01T10:00:00Z"), List.of(new Member("youth1", "Y", "Org", true)),
						new VotingRules(3, 60, Duration.ofDays(7))),
				new ApplicationDecided(APP, FUND, DecisionOutcome.APPROVED, ApplicationDecided.DecidedBy.YOUTH_FORUM,
						Money.euros("800.00"), "cond", null, new Tally(3, 1, 0, 5, 4, 3, true, List.of("youth5")), 2,
						3),
				new PayoutRecorded(APP, FUND, "p-1", Money.euros("500.00"), LocalDate.of(2019, 6, 1), "ref",
						LocalDate.of(2019, 7, 13)),
				new OrganisationRegistered(ORG, P, "Kulturverein Mettmann e.V.", LegalForm.REGISTERED_ASSOCIATION,
						"Markt 1", null, "verein@example.org"),
				new DocumentAttached(APP, new DocumentId("d-1"), DocumentKind.OFFER, "Angebot.pdf", "application/pdf",
						1234, "ab".repeat(32), "applicant1"),
				new DocumentRemoved(APP, new DocumentId("d-1"), "applicant1"),
				new AttachDocumentCommand(APP, new DocumentId("d-2"), DocumentKind.RECEIPT, "Beleg.png", "image/png",
						10, "cd".repeat(32), "staff", true),
				new AccountLinkedToOrganisation(ORG, "applicant1"),
				new OrganisationMerged(new OrganisationId("o-2"), ORG),
				new MemberAdded(new DecisionBodyId("kreis-mettmann-steering-board"),
						new Member("board2", "B", "Kulturverein Mettmann e.V.", true, List.of(ORG))),
				new ApplicationDrafted(APP, P, FUND, "applicant1",
						new ApplicationContent(null, null, null, null, null, null, null, null, null, null, null, null),
						ORG),
				new ApplicationDrafted(APP, P, FUND, "applicant1",
						new ApplicationContent("T", null, null, null, null, null, null, null, null, null, null, null,
								List.of(Declaration.NO_EARLY_START, Declaration.PRIVACY_NOTICE_READ)),
						ORG));
	}

	static final OrganisationId ORG = new OrganisationId("o-1");

	@Test
	void events_stored_before_organisations_had_ids_read_with_none() {
		MemberAdded added = (MemberAdded) SERIALIZER.deserialize(new SimpleSerializedObject<>("""
				{"bodyId":"kreis-mettmann-steering-board",
				 "member":{"username":"board2","name":"B","organisation":"Kulturverein Mettmann e.V.","voting":true}}"""
			.getBytes(StandardCharsets.UTF_8), byte[].class, MemberAdded.class.getName(), "1"));
		assertThat(added.member().organisationIds()).isEmpty();
		assertThat(added.member().organisation()).isEqualTo("Kulturverein Mettmann e.V.");
		ApplicationDrafted drafted = (ApplicationDrafted) SERIALIZER
			.deserialize(
					new SimpleSerializedObject<>(
							"""
									{"applicationId":"a-1","partnershipId":"kreis-mettmann","fundId":"kreis-mettmann-action-fund-2019",
									 "owner":"applicant1","content":{"title":"T","applicant":{"organisation":"Kulturverein Mettmann eV"}}}"""
								.getBytes(StandardCharsets.UTF_8),
							byte[].class, ApplicationDrafted.class.getName(), "1"));
		assertThat(drafted.organisationId()).isNull();
		assertThat(drafted.content().applicant().organisation()).isEqualTo("Kulturverein Mettmann eV");
		// and before there were declarations: none
		assertThat(drafted.content().declarations()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("messages")
	void a_message_reads_back_equal(Object message) {
		SerializedObject<byte[]> serialized = SERIALIZER.serialize(message, byte[].class);
		Object copy = SERIALIZER.deserialize(serialized);
		assertThat(copy).isEqualTo(message);
	}

}
