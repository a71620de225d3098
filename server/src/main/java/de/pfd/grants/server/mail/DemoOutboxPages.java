package de.pfd.grants.server.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.pfd.grants.server.security.GrantsUser;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The demo's outbox as a page ("Postausgang"): without an SMTP server no mail leaves the
 * demo, so whoever tries the product with a browser only reads the mails here — the
 * confirmation link of a registration included — as staff of the partnership. The same
 * store as {@code GET /api/outbox}; only in the {@code demo} profile (elsewhere 404).
 * Links to this installation's own pages are shown as links, everything else as text.
 */
@Controller
@Hidden
@Profile("demo")
class DemoOutboxPages {

	private final OutboxStore outbox;

	private final Pattern ownLinks;

	DemoOutboxPages(OutboxStore outbox, @Value("${grants.public-url}") String publicUrl) {
		this.outbox = outbox;
		this.ownLinks = Pattern.compile(Pattern.quote(publicUrl.replaceAll("/+$", "")) + "/[A-Za-z0-9/?=&._~%-]*");
	}

	@GetMapping("/demo/postausgang")
	@PreAuthorize("hasRole('STAFF')")
	String outbox(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("mails",
				this.outbox.newestOf(user.partnershipId())
					.stream()
					.map(mail -> new ShownMail(mail, parts(mail.body())))
					.toList());
		return "demo/postausgang";
	}

	/** A mail and its body cut into text and links. */
	record ShownMail(OutboxStore.OutboxMail mail, List<Part> body) {
	}

	/** A piece of a mail's body: text, or a link to this installation. */
	record Part(String text, boolean link) {
	}

	List<Part> parts(String body) {
		List<Part> parts = new ArrayList<>();
		Matcher links = this.ownLinks.matcher(body);
		int at = 0;
		while (links.find()) {
			parts.add(new Part(body.substring(at, links.start()), false));
			parts.add(new Part(links.group(), true));
			at = links.end();
		}
		parts.add(new Part(body.substring(at), false));
		return parts;
	}

}
