package de.pfd.grants.server.mail;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The demo's outbox: staff read the mails the system wrote for their partnership, sent or
 * not (without an SMTP server none is sent). Exists only in the {@code demo} profile;
 * elsewhere the path is unknown (404).
 */
@RestController
@Profile("demo")
@Tag(name = "Demo", description = "Demo: Postausgang – die E-Mails, die das System geschrieben hat")
@SecurityRequirement(name = "basic")
class DemoOutboxController {

	private final OutboxStore outbox;

	DemoOutboxController(OutboxStore outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/outbox")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Postausgang (nur Demo): die neuesten 100 E-Mails der eigenen Partnerschaft, "
			+ "die neueste zuerst / the newest 100 mails of your partnership (demo only)")
	List<OutboxStore.OutboxMail> outbox(@AuthenticationPrincipal GrantsUser user) {
		return this.outbox.newestOf(user.partnershipId());
	}

}
