package de.pfd.grants.server.workspace.members;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * One mail to a member of a decision body about a circular vote: German first, then
 * English. It names the project, the fund and the deadline and links the vote's page; it
 * names no other member and no vote cast.
 */
record MemberMail(String subject, String body) {

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'")
		.withZone(PartnershipCalendar.ZONE);

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(PartnershipCalendar.ZONE);

	/** The vote: what it is about and until when it runs. */
	record Vote(String applicationId, String title, FundType fundType, int fundYear, Instant closesAt) {
	}

	static MemberMail opened(Vote vote, String publicUrl) {
		return of(vote, publicUrl, "Neue Abstimmung im Umlaufverfahren", "new circular vote",
				"über den folgenden Antrag stimmt Ihr Gremium im Umlaufverfahren ab. Bitte geben Sie Ihre Stimme bis "
						+ "zum " + germanDeadline(vote) + " ab (Ja, Nein oder Enthaltung) oder erklären Sie dort Ihre "
						+ "Befangenheit.",
				"your body votes on the following application by circular procedure. Please cast your vote (yes, "
						+ "no or abstain) by " + englishDeadline(vote) + " (Berlin time), or declare a conflict of "
						+ "interest there.");
	}

	static MemberMail reminder(Vote vote, String publicUrl) {
		return of(vote, publicUrl, "Erinnerung: Abstimmung endet bald", "reminder: the vote closes soon",
				"die Abstimmung im Umlaufverfahren über den folgenden Antrag endet am " + germanDeadline(vote)
						+ ", und Sie haben noch nicht abgestimmt. Bitte geben Sie Ihre Stimme bis dahin ab oder "
						+ "erklären Sie Ihre Befangenheit.",
				"the circular vote on the following application closes on " + englishDeadline(vote)
						+ " (Berlin time), and you have not voted yet. Please cast your vote by then or declare a "
						+ "conflict of interest.");
	}

	private static MemberMail of(Vote vote, String publicUrl, String subjectDe, String subjectEn, String textDe,
			String textEn) {
		String link = publicUrl + "/entscheidungen/" + vote.applicationId();
		String title = vote.title() == null || vote.title().isBlank() ? "(ohne Titel / untitled)" : vote.title();
		String body = """
				Guten Tag,

				%s

				Projekt: %s
				Fonds: %s
				Frist: %s

				Zur Entscheidung: %s

				-- English --

				Hello,

				%s

				Project: %s
				Fund: %s
				Deadline: %s

				For decision: %s

				Diese Nachricht wurde automatisch versandt. / This message was sent automatically.
				""".formatted(textDe, title, fundDe(vote), germanDeadline(vote), link, textEn, title, fundEn(vote),
				englishDeadline(vote), link);
		return new MemberMail(subjectDe + " / " + subjectEn + ": " + title, body);
	}

	static String germanDeadline(Vote vote) {
		return vote.closesAt() == null ? "–" : GERMAN.format(vote.closesAt());
	}

	static String englishDeadline(Vote vote) {
		return vote.closesAt() == null ? "–" : ENGLISH.format(vote.closesAt());
	}

	private static String fundDe(Vote vote) {
		return (vote.fundType() == FundType.YOUTH_FUND ? "Jugendfonds " : "Aktionsfonds ") + vote.fundYear();
	}

	private static String fundEn(Vote vote) {
		return (vote.fundType() == FundType.YOUTH_FUND ? "Youth fund " : "Action fund ") + vote.fundYear();
	}

}
