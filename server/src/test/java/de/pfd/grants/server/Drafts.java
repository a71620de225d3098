package de.pfd.grants.server;

/** Application bodies for the API tests. */
public final class Drafts {

	private Drafts() {
	}

	/** DESIGN §5's example, complete and consistent, for a fund of the given year. */
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

}
