package de.pfd.grants.command.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.shared.application.ApplicationId;
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
 * be opened twice.
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

}
