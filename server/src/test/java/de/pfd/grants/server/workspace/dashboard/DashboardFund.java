package de.pfd.grants.server.workspace.dashboard;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Funds;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestYears;

/**
 * An action fund of a year of its own with every kind of figure the dashboard shows: a
 * budget of 2,500.00; an approval of 1,000.00 with a payout of 400.00; one of 400.00
 * withdrawn (released); one of 1,000.00 reserved; one of 1,000.00 on the waiting list
 * (only 500.00 left); one submitted, not yet checked.
 */
record DashboardFund(String id, int year, String paidOut, String withdrawn, String reserved, String waiting,
		String submitted) {

	static DashboardFund create(Api api, Funds funds, Applications applications, Grants grants) {
		int year = TestYears.next("ACTION_FUND");
		String fund = funds.open("ACTION_FUND", year, "2500.00", null, "1000.00");
		String paidOut = grants.confirmed("applicant3", Drafts.unrelated(fund, year), "1000.00", "AZ-D-1");
		grants.payOut("applicant3", paidOut, "400.00");
		String withdrawn = applications.approved("applicant3", Drafts.small(fund, year), "400.00");
		ok(api.post("applicant3", Api.withdrawal(withdrawn), "{\"reason\":\"Projekt fällt aus\"}"));
		String reserved = applications.approved("applicant3", Drafts.unrelated(fund, year), "1000.00");
		String waiting = applications.ready("applicant3", Drafts.unrelated(fund, year));
		ok(api.post("staff", Api.fastTrack(waiting), "{}"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(applications.status("staff", waiting)).isEqualTo("WAITLISTED"));
		String submitted = applications.submitted("applicant3", Drafts.unrelated(fund, year));
		return new DashboardFund(fund, year, paidOut, withdrawn, reserved, waiting, submitted);
	}

}
