package de.pfd.grants.server.portal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.privacy.PersonalData;

/**
 * The notes the system writes into an application's history and a fund's movements
 * ("Mittel reserviert / money reserved: 1500.00", "Sitzung / meeting", "STEERING_BOARD:
 * …") in the page's language only, with amounts and times as the page shows them
 * ({@code 1.500,00 €}). The stored notes (and the API) stay as they are; a note somebody
 * typed is shown as typed. Used in the templates as {@code @notes}.
 */
@Component("notes")
public class SystemNotes {

	private static final String AMOUNT = "(-?\\d+(?:\\.\\d{1,2})?)";

	private record Rule(Pattern pattern, String key, List<Kind> groups) {
	}

	private enum Kind {

		TEXT, AMOUNT, INSTANT, BODY

	}

	private static final List<Rule> RULES = new ArrayList<>();

	static {
		rule("Umlaufverfahren bis / circular until (\\S+)", "notes.circularUntil", Kind.INSTANT);
		rule("Sitzung / meeting", "notes.meeting");
		rule("Mittel reserviert / money reserved: " + AMOUNT, "notes.reserved", Kind.AMOUNT);
		rule("Warteliste Platz / waiting list position (\\d+)", "notes.waitlisted", Kind.TEXT);
		rule("Zuwendungsbescheid erteilt / grant notice issued", "notes.noticeIssued");
		rule("Zuwendungsbescheid bestätigt / grant notice confirmed", "notes.noticeConfirmed");
		rule("Kosten / costs " + AMOUNT + ", Einnahmen / income " + AMOUNT, "notes.proofSubmitted", Kind.AMOUNT,
				Kind.AMOUNT);
		rule("Verwendungsnachweis zurückgegeben / proof of use returned: (.*)", "notes.proofReturned", Kind.TEXT);
		rule("Prüfung korrigiert / review corrected: Zuwendung / final grant " + AMOUNT + ": (.*)",
				"notes.reviewCorrected", Kind.AMOUNT, Kind.TEXT);
		rule("Zuwendung / final grant " + AMOUNT + ": (.*)", "notes.finalGrantWithNote", Kind.AMOUNT, Kind.TEXT);
		rule("Zuwendung / final grant " + AMOUNT, "notes.finalGrant", Kind.AMOUNT);
		rule("Abbruch / cancelled: (.*)", "notes.cancelled", Kind.TEXT);
		rule("abgerechnet / settled: " + AMOUNT, "notes.settled", Kind.AMOUNT);
		rule("Storno / reversal of (\\S+)", "notes.reversalOf", Kind.TEXT);
		rule("(STEERING_BOARD|YOUTH_FORUM|LEAD_OFFICE): (.*)", "notes.decidedWithNote", Kind.BODY, Kind.TEXT);
		rule("(STEERING_BOARD|YOUTH_FORUM|LEAD_OFFICE)", "notes.decided", Kind.BODY);
	}

	/**
	 * German and English without values, as the system writes them (reasons of releases
	 * and recusals); only these, so that a typed "Honorar / Sachkosten" stays as typed.
	 */
	private static final Set<String> PAIRS = Set.of("Abrechnung / settlement", "Rückzahlung / refund",
			"Korrektur der Abrechnung / settlement corrected", "Abbruch / cancellation",
			"Antrag zurückgezogen / withdrawn", "Umlaufverfahren abgelaufen / circular procedure ended",
			"Organisation des Mitglieds ist Antragsteller / member's organisation applies");

	private static void rule(String regex, String key, Kind... groups) {
		RULES.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), key, List.of(groups)));
	}

	private final MessageSource messages;

	private final PageFormat format;

	SystemNotes(MessageSource messages, PageFormat format) {
		this.messages = messages;
		this.format = format;
	}

	/** The note in the page's language. */
	public String text(String note) {
		return text(note, LocaleContextHolder.getLocale());
	}

	/** The note in the given language (files such as exports are German). */
	public String text(String note, Locale locale) {
		if (note == null || note.isBlank()) {
			return note;
		}
		if (PersonalData.ERASED.equals(note)) {
			// an erased personal text (crypto-shredding, ADR 0012) in the page's language
			return this.messages.getMessage("privacy.erased.value", null, note, locale);
		}
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(note);
			if (matcher.matches()) {
				Object[] args = new Object[rule.groups().size()];
				for (int i = 0; i < args.length; i++) {
					args[i] = value(rule.groups().get(i), matcher.group(i + 1), locale);
				}
				return this.messages.getMessage(rule.key(), args, note, locale);
			}
		}
		if (PAIRS.contains(note)) {
			String[] pair = note.split(" / ", 2);
			return "en".equals(locale.getLanguage()) ? pair[1] : pair[0];
		}
		return note;
	}

	private String value(Kind kind, String text, Locale locale) {
		switch (kind) {
			case AMOUNT:
				return withLocale(locale, () -> this.format.euro(Money.euros(text)));
			case INSTANT:
				try {
					Instant at = Instant.parse(text);
					return withLocale(locale, () -> this.format.dateTime(at));
				}
				catch (DateTimeParseException ex) {
					return text;
				}
			case BODY:
				return this.messages.getMessage("notes.body." + text, null, text, locale);
			default:
				return text;
		}
	}

	private static String withLocale(Locale locale, java.util.function.Supplier<String> formatted) {
		Locale before = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(locale);
		try {
			return formatted.get();
		}
		finally {
			LocaleContextHolder.setLocale(before);
		}
	}

}
