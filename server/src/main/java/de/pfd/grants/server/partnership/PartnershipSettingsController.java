package de.pfd.grants.server.partnership;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.partnership.PartnershipSettingsUseCases.Settings;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.partnership.PartnershipSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The settings of the caller's partnership. */
@RestController
@Tag(name = "Partnership settings",
		description = "Vier-Augen-Prinzip bei Auszahlungen, Bearbeitungsziel, Aufbewahrungsfristen")
@SecurityRequirement(name = "basic")
public class PartnershipSettingsController {

	/** The retention periods may be left out: they stay as they are. */
	public record SettingsBody(@NotNull Boolean fourEyesPayouts,
			@NotNull @Min(1) @Max(365) Integer processingTimeTargetDays,
			@Min(PartnershipSettings.MIN_RETENTION_YEARS) @Max(PartnershipSettings.MAX_RETENTION_YEARS) Integer retentionYears,
			@Min(PartnershipSettings.MIN_RETENTION_YEARS) @Max(PartnershipSettings.MAX_RETENTION_YEARS) Integer unsuccessfulRetentionYears) {

		public SettingsBody(Boolean fourEyesPayouts, Integer processingTimeTargetDays) {
			this(fourEyesPayouts, processingTimeTargetDays, null, null);
		}

	}

	private final PartnershipSettingsUseCases settings;

	PartnershipSettingsController(PartnershipSettingsUseCases settings) {
		this.settings = settings;
	}

	@GetMapping("/api/partnership/settings")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The partnership's settings: four eyes for payouts (default on), the processing-time "
			+ "target in days (default 21) and the retention periods in years of grant files (after the end of "
			+ "the fund's year, default 10) and of files never granted (after the end of the year they ended, "
			+ "default 1)")
	Settings settings(@AuthenticationPrincipal GrantsUser user) {
		return this.settings.settings(user);
	}

	@PutMapping("/api/partnership/settings")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Change the partnership's settings (staff): four eyes for payouts on or off, the "
			+ "processing-time target from 1 to 365 days, the retention periods from 1 to 30 years (left out: "
			+ "unchanged)")
	Settings change(@AuthenticationPrincipal GrantsUser user, @Valid @RequestBody SettingsBody body) {
		return this.settings.change(user, body.fourEyesPayouts(), body.processingTimeTargetDays(),
				body.retentionYears(), body.unsuccessfulRetentionYears());
	}

}
