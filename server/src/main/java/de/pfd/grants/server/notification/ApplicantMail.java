package de.pfd.grants.server.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import de.pfd.grants.shared.application.ApplicantNotice;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;

/**
 * One mail to an applicant about their application: German first, then English. It names
 * the project, the fund, what happened and what to do next, and links the application's
 * page; it names nobody else (no staff, no members, no votes by name).
 */
record ApplicantMail(String subject, String body) {

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	/** What happened and what to do next, in both languages. */
	record Text(String subjectDe, String subjectEn, String happenedDe, String nextDe, String happenedEn,
			String nextEn) {
	}

	static ApplicantMail of(ApplicantNotice notice, String publicUrl, Text text) {
		String link = publicUrl + "/antraege/" + notice.applicationId().value();
		String title = notice.title() == null || notice.title().isBlank() ? "(ohne Titel / untitled)" : notice.title();
		String body = """
				Guten Tag,

				%s

				Projekt: %s
				Fonds: %s

				%s

				Ihr Antrag im Förderportal: %s

				-- English --

				%s

				Project: %s
				Fund: %s

				%s

				Your application in the portal: %s

				Diese Nachricht wurde automatisch versandt. / This message was sent automatically.
				""".formatted(text.happenedDe(), title, fundDe(notice), text.nextDe(), link, text.happenedEn(), title,
				fundEn(notice), text.nextEn(), link);
		return new ApplicantMail(text.subjectDe() + " / " + text.subjectEn() + ": " + title, body);
	}

	static String fundDe(ApplicantNotice notice) {
		return (notice.fundType() == FundType.YOUTH_FUND ? "Jugendfonds " : "Aktionsfonds ") + notice.fundYear();
	}

	static String fundEn(ApplicantNotice notice) {
		return (notice.fundType() == FundType.YOUTH_FUND ? "Youth fund " : "Action fund ") + notice.fundYear();
	}

	static String euroDe(Money money) {
		return euro(money == null ? BigDecimal.ZERO : money.amount(), Locale.GERMANY);
	}

	static String euroEn(Money money) {
		return euro(money == null ? BigDecimal.ZERO : money.amount(), Locale.UK);
	}

	private static String euro(BigDecimal amount, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(Currency.getInstance("EUR"));
		// plain spaces: some mail readers show a non-breaking one as a strange sign
		return format.format(amount).replace('\u00a0', ' ');
	}

	static String dateDe(LocalDate date) {
		return date == null ? "–" : GERMAN_DATE.format(date);
	}

	static String dateEn(LocalDate date) {
		return date == null ? "–" : date.toString();
	}

	/** A note written for the applicant, or nothing. */
	static String noteDe(String note) {
		return note == null || note.isBlank() ? "" : "\n\nHinweis: " + note.strip();
	}

	static String noteEn(String note) {
		return note == null || note.isBlank() ? "" : "\n\nNote: " + note.strip();
	}

}
