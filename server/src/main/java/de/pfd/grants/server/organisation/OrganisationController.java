package de.pfd.grants.server.organisation;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.MultiLine;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.organisation.OrganisationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Organisations of the caller's partnership: applicants see and register their own, staff
 * and auditors see all; staff link accounts and merge duplicates.
 */
@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisations", description = "Vereine, Initiativen, Jugendgruppen, private persons: identities with ids")
@SecurityRequirement(name = "basic")
public class OrganisationController {

	record OrganisationRequest(@Size(max = 200) String name, LegalForm legalForm,
			@MultiLine @Size(max = 500) String address, @Size(max = 200) String contactName,
			@Email @Size(max = 254) String email) {

		OrganisationUseCases.Description description() {
			return new OrganisationUseCases.Description(trim(this.name), this.legalForm, trim(this.address),
					trim(this.contactName), trim(this.email));
		}

		private static String trim(String text) {
			return text == null || text.isBlank() ? null : text.strip();
		}

	}

	record LinkRequest(@NotBlank @Size(max = 320) String username) {
	}

	public record MergeRequest(@NotBlank @Size(max = 100) String into) {
	}

	private final OrganisationUseCases organisations;

	OrganisationController(OrganisationUseCases organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	@Operation(summary = "Your organisations (staff and auditors: all of the partnership)")
	List<OrganisationView> list(@AuthenticationPrincipal GrantsUser user) {
		return this.organisations.list(user);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One organisation; a merged duplicate names the organisation it was merged into")
	OrganisationView detail(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return this.organisations.detail(user, id);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('STAFF', 'APPLICANT')")
	@Operation(summary = "Register an organisation; an applicant belongs to the one they register (a private person: "
			+ "legalForm PRIVATE_PERSON, the name may be left out)")
	ResponseEntity<OrganisationView> register(@AuthenticationPrincipal GrantsUser user,
			@Valid @RequestBody OrganisationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		OrganisationView created = this.organisations.register(user, request.description(), idempotencyKey);
		return ResponseEntity.created(URI.create("/api/organisations/" + created.id().value())).body(created);
	}

	@PostMapping("/{id}/members")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Link an account of your partnership to the organisation")
	OrganisationView link(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody LinkRequest request) {
		return this.organisations.link(user, id, request.username());
	}

	@PostMapping("/{id}/merge")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Merge this duplicate into the organisation 'into'; its id then resolves to that one")
	OrganisationView merge(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody MergeRequest request) {
		return this.organisations.merge(user, id, request.into());
	}

}
