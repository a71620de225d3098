package de.pfd.grants.server.workspace.audit;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Funds;
import de.pfd.grants.server.TestYears;

/**
 * An application of {@code applicant3} (nobody recused, all 7 board members eligible)
 * decided by the board at a meeting: board1 votes yes and changes to no, board2 to board4
 * vote yes; 4 of 7 take part (quorum: more than half), 3 yes to 1 no: approved.
 */
record VotedApplication(String fundId, String applicationId, String title) {

	static VotedApplication decide(Api api, Funds funds, Applications applications, String title) {
		int year = TestYears.next("ACTION_FUND");
		String fund = funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String id = applications.inVoting("applicant3", Drafts.unrelated(fund, year)
			.replace("\"title\":\"Demokratiewerkstatt\"", "\"title\":\"" + title.replace("\"", "\\\"") + "\""));
		applications.vote("board1", id, "YES");
		applications.vote("board1", id, "NO");
		applications.vote("board2", id, "YES");
		applications.vote("board3", id, "YES");
		applications.vote("board4", id, "YES");
		assertThat(ok(api.post("staff", Api.closure(id), null)).get("status").asText()).isEqualTo("APPROVED");
		applications.awaitReserved("staff", id);
		return new VotedApplication(fund, id, title);
	}

}
