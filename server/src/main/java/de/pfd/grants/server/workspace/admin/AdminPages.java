package de.pfd.grants.server.workspace.admin;

import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.partnership.PartnershipSettingsController;
import de.pfd.grants.server.partnership.PartnershipSettingsUseCases;
import de.pfd.grants.server.partnership.PartnershipSettingsUseCases.Settings;
import de.pfd.grants.server.security.GrantsUser;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Verwaltung" (staff): the overview of the administration's sections, and the
 * partnership's settings (four eyes for payouts, the processing-time target, the
 * retention periods) through the same use case as {@code PUT /api/partnership/settings},
 * checked by its request record.
 */
@Controller
@Hidden
class AdminPages {

	private static final Map<String, String> SETTINGS_FIELDS = Map.of("fourEyesPayouts", "fourEyes",
			"processingTimeTargetDays", "targetDays", "retentionYears", "retentionYears", "unsuccessfulRetentionYears",
			"unsuccessfulRetentionYears");

	private final PartnershipSettingsUseCases settings;

	private final AdminForms forms;

	AdminPages(PartnershipSettingsUseCases settings, AdminForms forms) {
		this.settings = settings;
		this.forms = forms;
	}

	@GetMapping("/verwaltung")
	String overview() {
		return "verwaltung/uebersicht";
	}

	@GetMapping("/verwaltung/partnerschaft")
	String settings(@AuthenticationPrincipal GrantsUser user, Model model) {
		Settings now = this.settings.settings(user);
		AdminForms.none(model);
		model.addAttribute("fourEyes", String.valueOf(now.fourEyesPayouts()));
		model.addAttribute("targetDays", String.valueOf(now.processingTimeTargetDays()));
		model.addAttribute("retentionYears", String.valueOf(now.retentionYears()));
		model.addAttribute("unsuccessfulRetentionYears", String.valueOf(now.unsuccessfulRetentionYears()));
		return "verwaltung/partnerschaft";
	}

	@PostMapping("/verwaltung/partnerschaft")
	String change(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(name = "fourEyes", required = false) String fourEyes,
			@RequestParam(name = "targetDays", required = false) String targetDays,
			@RequestParam(name = "retentionYears", required = false) String retentionYears,
			@RequestParam(name = "unsuccessfulRetentionYears", required = false) String unsuccessfulRetentionYears,
			Model model, HttpServletResponse response) {
		AdminForms.Problems problems = this.forms.problems();
		Boolean four = "true".equals(fourEyes) ? Boolean.TRUE : "false".equals(fourEyes) ? Boolean.FALSE : null;
		Integer days = this.forms.number(problems, "targetDays", targetDays);
		Integer retention = this.forms.number(problems, "retentionYears", retentionYears);
		Integer unsuccessful = this.forms.number(problems, "unsuccessfulRetentionYears", unsuccessfulRetentionYears);
		if (problems.isEmpty()) {
			this.forms.validate(problems,
					new PartnershipSettingsController.SettingsBody(four, days, retention, unsuccessful),
					SETTINGS_FIELDS, "targetDays");
		}
		if (problems.isEmpty()) {
			try {
				this.settings.change(user, four, days, retention, unsuccessful);
				return "redirect:/verwaltung/partnerschaft?gespeichert";
			}
			catch (CommandExecutionException refused) {
				this.forms.refused(problems, refused, SETTINGS_FIELDS, "targetDays");
			}
		}
		this.forms.show(problems, model, response);
		model.addAttribute("fourEyes", fourEyes);
		model.addAttribute("targetDays", targetDays);
		model.addAttribute("retentionYears", retentionYears);
		model.addAttribute("unsuccessfulRetentionYears", unsuccessfulRetentionYears);
		return "verwaltung/partnerschaft";
	}

}
