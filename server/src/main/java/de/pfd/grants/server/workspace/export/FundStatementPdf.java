package de.pfd.grants.server.workspace.export;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import de.pfd.grants.server.grant.GrantNoticePdf;
import de.pfd.grants.server.portal.SystemNotes;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The fund statement (Fondsübersicht zum Stichtag) as a PDF: the Thymeleaf template
 * {@code pdf/fondsuebersicht.html} (XHTML) rendered by openhtmltopdf as the grant notice
 * is ({@link GrantNoticePdf}): German, Fira Sans embedded, PDF/A-3b, tagged.
 */
@Component
class FundStatementPdf {

	private static final Locale GERMAN = Locale.GERMANY;

	private static final String FONT = "Fira Sans";

	private final ITemplateEngine templates;

	private final byte[] colourProfile;

	private final SystemNotes notes;

	FundStatementPdf(ITemplateEngine templates, SystemNotes notes) {
		this.templates = templates;
		this.notes = notes;
		this.colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
	}

	byte[] render(ExportUseCases.FundStatement statement) {
		Context context = new Context(GERMAN);
		context.setVariable("statement", statement);
		context.setVariable("fund", statement.fund());
		context.setVariable("de", new German());
		context.setVariable("notes", this.notes);
		String xhtml = this.templates.process("pdf/fondsuebersicht", context);
		try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
			builder.usePdfUaAccessbility(true);
			builder.useColorProfile(this.colourProfile);
			builder.useFont(() -> font("FiraSans-Regular.ttf"), FONT, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> font("FiraSans-SemiBold.ttf"), FONT, 600, FontStyle.NORMAL, true);
			builder.useFont(() -> font("FiraSans-SemiBold.ttf"), FONT, 700, FontStyle.NORMAL, true);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(pdf);
			builder.run();
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream font(String name) {
		try {
			return new ClassPathResource("pdf/fonts/" + name).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The notice's German money and days, and a moment with its time. */
	public static final class German {

		private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", GERMAN);

		private final GrantNoticePdf.German de = new GrantNoticePdf.German();

		public String euro(Money money) {
			return this.de.euro(money);
		}

		public String date(LocalDate date) {
			return this.de.date(date);
		}

		public String moment(Instant instant) {
			return instant == null ? "–" : MOMENT.format(instant.atZone(PartnershipCalendar.ZONE));
		}

	}

}
