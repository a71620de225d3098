package de.pfd.grants.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The notes the system writes are shown in one language with the page's amounts and
 * times; what somebody typed is shown as typed.
 */
class SystemNotesTest {

	private static final Locale DE = Locale.GERMAN;

	private static final Locale EN = Locale.ENGLISH;

	private final SystemNotes notes = new SystemNotes(messages(), new PageFormat());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void amounts_and_bodies_are_shown_as_the_page_shows_them() {
		assertThat(this.notes.text("Mittel reserviert / money reserved: 1500.00", DE))
			.isEqualTo("Mittel reserviert: 1.500,00\u00a0€");
		assertThat(this.notes.text("Mittel reserviert / money reserved: 1500.00", EN))
			.isEqualTo("money reserved: €1,500.00");
		assertThat(this.notes.text("Kosten / costs 900.00, Einnahmen / income 100.00", DE))
			.isEqualTo("Kosten 900,00\u00a0€, Einnahmen 100,00\u00a0€");
		assertThat(this.notes.text("STEERING_BOARD: Bitte Belege nachreichen", DE))
			.isEqualTo("Begleitausschuss: Bitte Belege nachreichen");
		assertThat(this.notes.text("LEAD_OFFICE", DE))
			.isEqualTo("entschieden durch: federführendes Amt (Schnellverfahren)");
		assertThat(this.notes.text("Zuwendung / final grant 800.00: Belege\nvollständig", DE))
			.isEqualTo("Zuwendung 800,00\u00a0€: Belege\nvollständig");
		assertThat(this.notes.text("Umlaufverfahren bis / circular until 2026-06-14T10:00:00Z", DE))
			.isEqualTo("Umlaufverfahren bis 14.06.2026, 12:00");
	}

	@Test
	void a_pair_of_words_is_shown_in_one_language_and_typed_notes_as_typed() {
		assertThat(this.notes.text("Sitzung / meeting", DE)).isEqualTo("Abstimmung in der Sitzung");
		assertThat(this.notes.text("Abrechnung / settlement", DE)).isEqualTo("Abrechnung");
		assertThat(this.notes.text("Abrechnung / settlement", EN)).isEqualTo("settlement");
		assertThat(this.notes.text("Bitte ein zweites Angebot für 1/2 der Honorare", DE))
			.isEqualTo("Bitte ein zweites Angebot für 1/2 der Honorare");
		assertThat(this.notes.text("Preis: 5 / Stunde", DE)).isEqualTo("Preis: 5 / Stunde");
		assertThat(this.notes.text("Honorar / Sachkosten", DE)).isEqualTo("Honorar / Sachkosten");
		assertThat(this.notes.text(null, DE)).isNull();
	}

}
