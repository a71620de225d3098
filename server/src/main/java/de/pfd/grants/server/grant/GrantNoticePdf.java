package de.pfd.grants.server.grant;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import de.pfd.grants.shared.money.Money;

/**
 * The grant notice (Zuwendungsbescheid / Weiterleitungsvertrag) as a PDF: the Thymeleaf
 * template {@code pdf/bescheid.html} (XHTML) rendered by openhtmltopdf, always in German
 * (it is the legal text), with the KERN UX font Fira Sans embedded, as PDF/A-3b with an
 * sRGB output intent and tagged for accessibility (PDF/UA). The one renderer for the API
 * and for the portal's download link.
 */
@Component
public class GrantNoticePdf {

	private static final Locale GERMAN = Locale.GERMANY;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy", GERMAN);

	private static final String FONT = "Fira Sans";

	private final ITemplateEngine templates;

	private final byte[] colourProfile;

	GrantNoticePdf(ITemplateEngine templates) {
		this.templates = templates;
		this.colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
	}

	/** The notice's PDF. */
	public byte[] render(GrantUseCases.GrantNotice notice) {
		Context context = new Context(GERMAN);
		// only the preview shows a notice not issued yet: marked as a draft
		context.setVariable("draft", notice.application().grant().noticeIssuedAt() == null);
		context.setVariable("notice", notice);
		context.setVariable("app", notice.application());
		context.setVariable("grant", notice.application().grant());
		context.setVariable("fund", notice.fund());
		context.setVariable("de", new German());
		String xhtml = this.templates.process("pdf/bescheid", context);
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

	/** The notice's PDF as a download named after its application, not cached. */
	public ResponseEntity<byte[]> download(GrantUseCases.GrantNotice notice) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("zuwendungsbescheid-" + notice.application().id().value() + ".pdf")
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(render(notice));
	}

	/**
	 * The notice as staff see it before issuing it (marked as a draft while it is not
	 * issued), shown in the browser rather than downloaded, not cached.
	 */
	public ResponseEntity<byte[]> preview(GrantUseCases.GrantNotice notice) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("zuwendungsbescheid-entwurf-" + notice.application().id().value() + ".pdf")
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(render(notice));
	}

	private static InputStream font(String name) {
		try {
			return new ClassPathResource("pdf/fonts/" + name).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Money and days as the German notice writes them: {@code 1.234,56 €}, 01.05.2026.
	 */
	public static final class German {

		public String euro(Money money) {
			if (money == null) {
				return "–";
			}
			NumberFormat format = NumberFormat.getCurrencyInstance(GERMAN);
			format.setCurrency(Currency.getInstance("EUR"));
			return format.format(money.amount());
		}

		public String date(LocalDate date) {
			return date == null ? "–" : DAY.format(date);
		}

		public String date(java.time.Instant instant) {
			return instant == null ? "–" : date(de.pfd.grants.shared.partnership.PartnershipCalendar.dayOf(instant));
		}

	}

}
