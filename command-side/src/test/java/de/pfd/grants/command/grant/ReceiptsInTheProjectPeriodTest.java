package de.pfd.grants.command.grant;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.money.Money;

/**
 * Receipts of a proof of use are dated inside the project period (1 May to 30 September
 * 2019), give or take the fund's tolerance in days (default 0).
 */
class ReceiptsInTheProjectPeriodTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private static SubmitProofOfUseCommand submitDated(LocalDate second) {
		return new SubmitProofOfUseCommand(Applications.APPLICATION, Grants.OWNER, "Bericht",
				List.of(new Receipt(LocalDate.of(2019, 6, 10), "Honorar", CostCategory.FEES, Money.euros("800.00")),
						new Receipt(second, "Material", CostCategory.MATERIAL, Money.euros("50.00"))));
	}

	private static List<Object> paid() {
		return Grants.confirmedGrant(Grants.requested("r1", "900.00"), Grants.paid("p1", "900.00"));
	}

	@Test
	void receipts_on_the_first_and_the_last_day_of_the_project_are_accepted() {
		this.fixture.given(paid()).when(submitDated(LocalDate.of(2019, 5, 1))).expectSuccessfulHandlerExecution();
		this.fixture.given(paid()).when(submitDated(LocalDate.of(2019, 9, 30))).expectSuccessfulHandlerExecution();
	}

	@Test
	void a_receipt_before_the_start_or_after_the_end_is_refused_naming_its_date() {
		this.fixture.given(paid())
			.when(submitDated(LocalDate.of(2019, 4, 30)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receipts[1].date"))
			.expectNoEvents();
		this.fixture.given(paid())
			.when(submitDated(LocalDate.of(2019, 10, 1)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receipts[1].date"))
			.expectNoEvents();
	}

	@Test
	void the_fund_s_tolerance_widens_the_period_by_its_days_and_no_further() {
		this.funds.with(Funds.withReceiptTolerance(Funds.actionFundTerms(), 14));
		this.fixture.given(paid()).when(submitDated(LocalDate.of(2019, 4, 17))).expectSuccessfulHandlerExecution();
		this.fixture.given(paid()).when(submitDated(LocalDate.of(2019, 10, 14))).expectSuccessfulHandlerExecution();
		this.fixture.given(paid())
			.when(submitDated(LocalDate.of(2019, 10, 15)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "receipts[1].date"))
			.expectNoEvents();
	}

}
