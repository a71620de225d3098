package de.pfd.grants.server.grant;

import java.util.List;

import de.pfd.grants.server.Drafts;

/** The two funds and the bodies that decide them. */
enum Route {

	/**
	 * Steering board; board2 belongs to the applicant's organisation and is recused.
	 */
	ACTION_FUND("applicant1", "Kulturverein Mettmann e.V.", false, "board1", "board3", "board4", "board5", "board6",
			"board7"),

	/** Youth forum; the applicant confirms its members are at most 27. */
	YOUTH_FUND("applicant3", "Jugendtreff Erkrath", true, "youth1", "youth2", "youth3", "youth4", "youth5");

	final String applicant;

	final String organisation;

	final boolean youth;

	final List<String> voters;

	Route(String applicant, String organisation, boolean youth, String... voters) {
		this.applicant = applicant;
		this.organisation = organisation;
		this.youth = youth;
		this.voters = List.of(voters);
	}

	/**
	 * The example of docs/api.md (as in ApplicationApiTest) for the route's fund and
	 * applicant.
	 */
	String application(String fundId, int year) {
		String body = Drafts.byOrganisation(Drafts.complete(fundId, year), this.organisation);
		return this.youth ? Drafts.youthConfirmed(body) : body;
	}

}
