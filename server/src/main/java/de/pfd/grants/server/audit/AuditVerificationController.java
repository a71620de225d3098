package de.pfd.grants.server.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.persistence.chain.ChainVerifier;
import de.pfd.grants.server.security.GrantsUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The verification of the stored history against its hash chain (ADR 0011). */
@RestController
@Tag(name = "Audit", description = "Prüfpfad: jedes Ereignis mit wer, Rolle, wann, was")
@SecurityRequirement(name = "basic")
public class AuditVerificationController {

	private final HistoryVerification verification;

	AuditVerificationController(HistoryVerification verification) {
		this.verification = verification;
	}

	@GetMapping("/api/audit/verification")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Checks every stored event against the hash chain: valid with the number of events, the "
			+ "head hash and its position, or the first broken position and every problem found (changed, missing, "
			+ "inserted, reordered; at most 100)")
	ChainVerifier.Verification verification(@AuthenticationPrincipal GrantsUser user,
			@Parameter(description = "check up to this global position only: the head as of it (e.g. the one "
					+ "printed on a fund statement); a whole number of at least 0") @RequestParam(
							required = false) String upTo) {
		return this.verification.verify(user, upTo);
	}

}
