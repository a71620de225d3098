package de.pfd.grants.server.grant;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.grant.RefundClaim;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The refund claims (Rückforderungen) of the caller's partnership, for staff and
 * auditors: due days, refunds, interest under § 49a VwVfG.
 */
@RestController
@Tag(name = "Grants", description = "Mittelabruf, Auszahlung, Verwendungsnachweis, Abrechnung, Rückzahlung")
@SecurityRequirement(name = "basic")
class RefundClaimController {

	private final GrantUseCases grants;

	RefundClaimController(GrantUseCases grants) {
		this.grants = grants;
	}

	@GetMapping("/api/refund-claims")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Refund claims with due day, refunds, outstanding rest and interest (overdue=true: only "
			+ "those past their due day with money outstanding)")
	List<RefundClaim> refundClaims(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String overdue) {
		if (overdue != null && !"true".equals(overdue) && !"false".equals(overdue)) {
			throw ApiException.badInput("overdue", "overdue ist true oder false / overdue is true or false");
		}
		return this.grants.refundClaims(user, "true".equals(overdue));
	}

}
