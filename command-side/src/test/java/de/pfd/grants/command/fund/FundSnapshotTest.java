package de.pfd.grants.command.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.BookPayoutCommand;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;

/**
 * A fund lives a year and is loaded from a snapshot (Jackson): it must decide like the
 * fund sourced from its events.
 */
class FundSnapshotTest {

	@Test
	void a_fund_snapshot_survives_a_jackson_round_trip() throws Exception {
		Fund fund = Funds.fundWithHistory();
		ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

		String json = mapper.writeValueAsString(fund);
		Fund copy = mapper.readValue(json, Fund.class);

		JsonNode tree = mapper.readTree(json);
		assertThat(tree.get("fundId").asText()).isEqualTo("kreis-mettmann-action-fund-2019");
		assertThat(tree.get("status").asText()).isEqualTo("OPEN");
		assertThat(tree.get("budget").decimalValue()).isEqualByComparingTo("40000");
		assertThat(tree.get("reserved").decimalValue()).isEqualByComparingTo("10000");
		assertThat(tree.get("reservations").get(Funds.APPLICATION.value()).decimalValue())
			.isEqualByComparingTo("10000");
		assertThat(tree.get("netPaid").get(Funds.APPLICATION.value()).decimalValue()).isEqualByComparingTo("4000");
		assertThat(tree.get("bookedIds")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("adjustment:adj-1", "payout:pay-1");
		assertThat(mapper.readTree(mapper.writeValueAsString(copy))).isEqualTo(tree);
	}

	@Test
	void a_fund_restored_from_a_snapshot_decides_like_the_original() throws Exception {
		ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
		Fund copy = mapper.readValue(mapper.writeValueAsString(Funds.fundWithHistory()), Fund.class);

		// budget 40,000 - reserved 10,000 = 30,000 available
		RuleViolationException exhausted = refusal(() -> copy
			.handle(new ReserveFundsCommand(Funds.FUND, Funds.OTHER_APPLICATION, Funds.euros("30000.01"))));
		assertThat(exhausted.violation().code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED);
		assertThat(exhausted).hasMessage("the fund has only 30000.00 EUR available");

		RuleViolationException alreadyReserved = refusal(
				() -> copy.handle(new ReserveFundsCommand(Funds.FUND, Funds.APPLICATION, Funds.euros("1"))));
		assertThat(alreadyReserved.violation().code()).isEqualTo(ErrorCode.ALREADY_RESERVED);

		RuleViolationException payoutTooHigh = refusal(() -> copy
			.handle(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-2", Funds.euros("6000.01"))));
		assertThat(payoutTooHigh.violation().code()).isEqualTo(ErrorCode.PAYOUT_EXCEEDS_RESERVATION);

		RuleViolationException belowReserved = refusal(() -> copy
			.handle(new AdjustBudgetCommand(Funds.FUND, "adj-2", Funds.euros("-30000.01"), "cut by the ministry")));
		assertThat(belowReserved.violation().code()).isEqualTo(ErrorCode.BUDGET_BELOW_RESERVED);

		// the booked ids came along: retries return before anything would be applied
		assertThatNoException().isThrownBy(
				() -> copy.handle(new BookPayoutCommand(Funds.FUND, Funds.APPLICATION, "pay-1", Funds.euros("4000"))));
		assertThatNoException()
			.isThrownBy(() -> copy.handle(new AdjustBudgetCommand(Funds.FUND, "adj-1", Funds.euros("5000"), "more")));
	}

	@Test
	void money_is_written_as_a_json_number_with_two_decimals_and_read_back_equal() throws Exception {
		// shared-events has no jackson-databind on its test classpath, so Money's
		// JSON form is checked here
		ObjectMapper mapper = new ObjectMapper();
		Money money = Funds.euros("35000");

		String json = mapper.writeValueAsString(money);

		assertThat(json).isEqualTo("35000.00");
		assertThat(mapper.readValue(json, Money.class)).isEqualTo(money);
		assertThat(mapper.readValue("35000", Money.class)).isEqualTo(money);
		assertThat(mapper.readValue("\"0.5\"", Money.class)).isEqualTo(Funds.euros("0.50"));
		assertThat(catchThrowableOfType(com.fasterxml.jackson.databind.JsonMappingException.class,
				() -> mapper.readValue("1.005", Money.class)))
			.hasRootCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_fund_restored_from_a_snapshot_keeps_its_terms() throws Exception {
		ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
		Fund fund = Funds.fundWithHistory();

		Fund copy = mapper.readValue(mapper.writeValueAsString(fund), Fund.class);

		assertThat(copy.terms()).isEqualTo(fund.terms());
	}

	@Test
	void snapshots_of_the_fund_are_of_revision_2_the_first_that_holds_its_terms() {
		// a snapshot of another revision is not used: the fund is rebuilt from its events
		assertThat(Fund.class.getAnnotation(Revision.class).value()).isEqualTo("2");
	}

	private static RuleViolationException refusal(Executable command) {
		try {
			command.execute();
		}
		catch (RuleViolationException ex) {
			return ex;
		}
		catch (Throwable ex) {
			throw new AssertionError("expected a rule violation, got " + ex, ex);
		}
		throw new AssertionError("expected a rule violation, the command was accepted");
	}

}
