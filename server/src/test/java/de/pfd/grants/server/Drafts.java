package de.pfd.grants.server;

/** Application bodies for the API tests. */
public final class Drafts {

	private Drafts() {
	}

	/**
	 * The example of docs/api.md, complete and consistent, for a fund of the given year.
	 */
	public static String complete(String fundId, int year) {
		return """
				{"fundId":"%s","title":"Demokratiewerkstatt","summary":"Workshops für Jugendliche",
				 "actionField":"DEMOCRACY_PROMOTION","targetGroups":["YOUTH"],
				 "startDate":"%d-05-01","endDate":"%d-09-30",
				 "applicant":{"organisation":"Kulturverein Mettmann e.V.","legalForm":"REGISTERED_ASSOCIATION",
				              "contactName":"Erika Muster","email":"erika@example.org","address":"Markt 1, 40822 Mettmann"},
				 "costs":[{"category":"FEES","description":"Honorare","amount":1200.00}],
				 "income":[{"source":"OWN_FUNDS","description":"Eigenmittel","amount":200.00}],
				 "requestedAmount":1000.00}"""
			.formatted(fundId, year, year);
	}

	/** The body with another applicant organisation. */
	public static String byOrganisation(String body, String organisation) {
		return body.replace("Kulturverein Mettmann e.V.", organisation);
	}

	/** The body with the applicant's confirmation that its members are at most 27. */
	public static String youthConfirmed(String body) {
		return body.replace("\"address\":\"Markt 1, 40822 Mettmann\"",
				"\"address\":\"Markt 1, 40822 Mettmann\",\"youthConfirmed\":true");
	}

	/**
	 * The complete example naming an organisation no board member represents. The
	 * organisation is the applicant's own, whatever the text says: filed by
	 * {@code applicant3} (Jugendtreff Erkrath) nobody is recused and all 7 members of the
	 * steering board are eligible; filed by {@code applicant1} board2 is recused.
	 */
	public static String unrelated(String fundId, int year) {
		return byOrganisation(complete(fundId, year), "Jugendtreff Erkrath");
	}

	/** A small request of that applicant: 400.00 of costs, no income. */
	public static String small(String fundId, int year) {
		return unrelated(fundId, year)
			.replace("{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":1200.00}",
					"{\"category\":\"FEES\",\"description\":\"Honorare\",\"amount\":400.00}")
			.replace("[{\"source\":\"OWN_FUNDS\",\"description\":\"Eigenmittel\",\"amount\":200.00}]", "[]")
			.replace("\"requestedAmount\":1000.00", "\"requestedAmount\":400.00");
	}

}
