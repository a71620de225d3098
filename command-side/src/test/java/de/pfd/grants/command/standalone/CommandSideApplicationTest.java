package de.pfd.grants.command.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.command.application.Applications;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The command side's own entry point wires up on the real database (here without Axon
 * Server): commands reach the aggregates, refusals arrive as error codes, a fund cannot
 * be opened twice; the command side reads a fund's terms from the fund itself.
 */
@SpringBootTest(classes = CommandSideApplication.class, properties = { "axon.axonserver.enabled=false",
		"axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson" })
class CommandSideApplicationTest {

	@Autowired
	CommandGateway commands;

	@Test
	void a_refused_command_carries_its_error_code_to_the_sender() {
		PartnershipId partnership = new PartnershipId("p-" + UUID.randomUUID().toString().substring(0, 8));
		OpenFundCommand open = new OpenFundCommand(partnership, FundType.YOUTH_FUND, 2019, Money.euros("1000.00"), null,
				null);
		this.commands.sendAndWait(open);
		this.commands
			.sendAndWait(new ReserveFundsCommand(open.fundId(), ApplicationId.random(), Money.euros("999.99")));

		assertThatThrownBy(() -> this.commands
			.sendAndWait(new ReserveFundsCommand(open.fundId(), ApplicationId.random(), Money.euros("0.02"))))
			.isInstanceOfSatisfying(CommandExecutionException.class, ex -> assertThat(ex.getDetails())
				.contains(new RuleViolation(ErrorCode.BUDGET_EXHAUSTED, "the fund has only 0.01 EUR available")));
		assertThatThrownBy(() -> this.commands.sendAndWait(open)).isInstanceOf(AggregateStreamCreationException.class);
	}

	@Test
	void applications_are_checked_against_the_terms_read_from_the_fund_aggregate() {
		PartnershipId partnership = new PartnershipId("p-" + UUID.randomUUID().toString().substring(0, 8));
		OpenFundCommand open = new OpenFundCommand(partnership, FundType.ACTION_FUND, 2019, Money.euros("5000.00"),
				Money.euros("999.99"), null);
		this.commands.sendAndWait(open);

		this.commands.sendAndWait(new CreateApplicationCommand(ApplicationId.random(), partnership, "applicant-1",
				open.fundId(), Applications.emptyContent()));
		// the standard content requests 1,000.00: above this fund's cap
		assertThat(refusal(new CreateApplicationCommand(ApplicationId.random(), partnership, "applicant-1",
				open.fundId(), Applications.completeContent())))
			.extracting(RuleViolation::code, violation -> violation.fields().get(0).field())
			.containsExactly(ErrorCode.INVALID_INPUT, "requestedAmount");
		// another partnership's fund is not revealed
		assertThat(refusal(new CreateApplicationCommand(ApplicationId.random(), new PartnershipId("p-other"),
				"applicant-1", open.fundId(), Applications.emptyContent())))
			.extracting(RuleViolation::code, violation -> violation.fields().get(0).field())
			.containsExactly(ErrorCode.INVALID_INPUT, "fundId");
	}

	private RuleViolation refusal(Object command) {
		CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
				() -> this.commands.sendAndWait(command));
		return refused.<RuleViolation>getDetails().orElseThrow();
	}

}
