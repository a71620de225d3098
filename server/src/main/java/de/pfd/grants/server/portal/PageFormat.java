package de.pfd.grants.server.portal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * How the pages show money and dates, in the page's language: {@code 1.234,56 €} and
 * {@code 01.05.2026} in German. Times are the office's (Europe/Berlin). Used in the
 * templates as {@code @format}.
 */
@Component("format")
public class PageFormat {

	private static final Currency EURO = Currency.getInstance("EUR");

	public String euro(Money money) {
		if (money == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(EURO);
		return format.format(money.amount());
	}

	public String date(LocalDate date) {
		return date == null ? "–"
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	public String date(Instant instant) {
		return instant == null ? "–" : date(PartnershipCalendar.dayOf(instant));
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "–";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale())
			.format(instant.atZone(PartnershipCalendar.ZONE));
	}

	/** A file's size: {@code 12,3 KB} or {@code 4,5 MB} in German. */
	public String fileSize(long bytes) {
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return bytes < 1024 * 1024 ? format.format(bytes / 1024.0) + " KB"
				: format.format(bytes / (1024.0 * 1024)) + " MB";
	}

	/** The machine-readable form for a {@code <time datetime>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
