package de.pfd.grants.server.workspace.money;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.grant.GrantNoticePdf;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.voting.VotingController;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.shared.application.ApplicationDetail;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The grant notice of one application for staff: its PDF as a draft before it is issued,
 * issuing it with a reference (the API's {@code GrantNoticeRequest} checks the input),
 * and afterwards its day, reference and whether the applicant confirmed it.
 */
@Controller
@Hidden
@PreAuthorize("hasRole('STAFF')")
class NoticePages {

	private static final String VIEW = "geld/bescheid";

	private final MoneyModel money;

	private final VotingUseCases voting;

	private final GrantUseCases grants;

	private final GrantNoticePdf pdf;

	NoticePages(MoneyModel money, VotingUseCases voting, GrantUseCases grants, GrantNoticePdf pdf) {
		this.money = money;
		this.voting = voting;
		this.grants = grants;
		this.pdf = pdf;
	}

	@GetMapping("/bearbeitung/{id}/bescheid")
	String page(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		return this.money.page(VIEW, this.money.application(user, id), model);
	}

	/** The notice as it would be issued now (a draft), or as it was issued. */
	@GetMapping("/bearbeitung/{id}/bescheid/vorschau.pdf")
	ResponseEntity<byte[]> preview(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return this.pdf.preview(this.grants.noticePreview(user, id));
	}

	@PostMapping("/bearbeitung/{id}/bescheid")
	String issue(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "aktenzeichen", required = false) String reference, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		String typed = MoneyModel.optional(reference);
		Map<String, String> errors = new LinkedHashMap<>();
		this.money.validate(new VotingController.GrantNoticeRequest(typed), Map.of("reference", "notice-reference"),
				errors);
		if (errors.isEmpty()) {
			try {
				this.voting.issueNotice(user, application.id().value(), typed);
				return "redirect:/bearbeitung/" + application.id().value() + "/bescheid?erlassen";
			}
			catch (CommandExecutionException refused) {
				errors.put("notice-issue", this.money.refusal(refused));
			}
		}
		model.addAttribute("noticeReference", reference);
		return this.money.refused(VIEW, this.money.application(user, id), errors, model, response);
	}

}
