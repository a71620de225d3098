package de.pfd.grants.server.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * A calendar day as the pages take it: {@code 2026-06-30} (what a date picker sends) or
 * as typed in German where a browser shows none, {@code 30.06.2026} (also
 * {@code 1.6.2026}). The one parser of every page's day field.
 */
public final class GermanDay {

	private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern GERMAN = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");

	private static final DateTimeFormatter GERMAN_FORMAT = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private GermanDay() {
	}

	/**
	 * The day, or {@link DateTimeParseException} if the text is none (as
	 * {@link LocalDate#parse(CharSequence)}).
	 */
	public static LocalDate parse(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (GERMAN.matcher(text).matches()) {
			return LocalDate.parse(text, GERMAN_FORMAT);
		}
		if (!ISO.matcher(text).matches()) {
			throw new DateTimeParseException("not a day", text, 0);
		}
		return LocalDate.parse(text);
	}

}
