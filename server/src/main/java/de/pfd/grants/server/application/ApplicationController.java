package de.pfd.grants.server.application;

import io.swagger.v3.oas.annotations.Parameter;

import java.time.LocalDate;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.ProcessingTimes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Applications: applicants draft, revise, submit and withdraw their own; staff check them
 * formally; members see those before their body; auditors read. Whatever a caller may not
 * see is 404.
 */
@RestController
@Tag(name = "Applications", description = "Anträge: draft, submission, formal check, revision, withdrawal")
@SecurityRequirement(name = "basic")
class ApplicationController {

	private final ApplicationUseCases applications;

	ApplicationController(ApplicationUseCases applications) {
		this.applications = applications;
	}

	@PostMapping("/api/applications")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Create a draft (may be incomplete); Idempotency-Key makes a retry return the same draft")
	ResponseEntity<ApplicationResponse> create(@AuthenticationPrincipal GrantsUser user,
			@Valid @RequestBody ApplicationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		ApplicationDetail detail = this.applications.create(user, request.fundId(), request.organisationId(),
				request.content(), idempotencyKey);
		return ResponseEntity.created(URI.create("/api/applications/" + detail.id().value()))
			.body(ApplicationResponse.of(detail));
	}

	@PutMapping("/api/applications/{id}")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Replace the content of a draft or of an application returned for revision")
	ApplicationResponse update(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody ApplicationRequest request) {
		return ApplicationResponse
			.of(this.applications.update(user, id, request.fundId(), request.organisationId(), request.content()));
	}

	@PostMapping("/api/applications/{id}/submission")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Submit: checks completeness and the fund's rules; a second submit changes nothing")
	ApplicationResponse submit(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return ApplicationResponse.of(this.applications.submit(user, id));
	}

	@PostMapping("/api/applications/{id}/withdrawal")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Withdraw (before the first payout); reserved money returns to the fund")
	ApplicationResponse withdraw(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) WithdrawalRequest request) {
		return ApplicationResponse.of(this.applications.withdraw(user, id, request == null ? null : request.reason()));
	}

	@PostMapping("/api/applications/{id}/formal-check")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Formal check: ACCEPTED (ready for decision), RETURNED (with note), REJECTED (with reason)")
	ApplicationResponse formalCheck(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody FormalCheckRequest request) {
		return ApplicationResponse.of(this.applications.formalCheck(user, id, request.outcome(), request.note()));
	}

	@GetMapping("/api/applications")
	@Operation(summary = "Applications you may see: applicants their own, members those before their body, "
			+ "staff and auditors all")
	List<ApplicationSummary> list(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId, @RequestParam(required = false) ApplicationStatus status) {
		return this.applications.list(user, fundId, status);
	}

	@GetMapping("/api/applications/{id}")
	@Operation(summary = "One application with its status history and submitted versions")
	ApplicationResponse detail(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return ApplicationResponse.of(this.applications.detail(user, id));
	}

	@GetMapping("/api/funds/{fundId}/processing-times")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Processing times of a fund: average and median days submission → formal check, ready for "
			+ "decision → decision and submission → decision for the stages ended in the period, the backlog of each "
			+ "stage with its oldest item, and the share decided within the target (21 days)")
	ProcessingTimes processingTimes(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Parameter(example = "2019-01-01") @RequestParam(required = false) LocalDate from,
			@Parameter(example = "2019-12-31") @RequestParam(required = false) LocalDate to) {
		return this.applications.processingTimes(user, fundId, from, to);
	}

	@GetMapping("/api/processing-times")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Processing times over all funds of the partnership (same figures as per fund)")
	ProcessingTimes allProcessingTimes(@AuthenticationPrincipal GrantsUser user,
			@Parameter(example = "2019-01-01") @RequestParam(required = false) LocalDate from,
			@Parameter(example = "2019-12-31") @RequestParam(required = false) LocalDate to) {
		return this.applications.processingTimes(user, null, from, to);
	}

}
