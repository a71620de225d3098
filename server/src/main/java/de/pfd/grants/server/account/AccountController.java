package de.pfd.grants.server.account;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.account.AccountUseCases.AccountView;
import de.pfd.grants.server.security.ClientAddress;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Registration, confirmation links, password reset and change of address (anyone, or the
 * signed-in user); invitations and the list of accounts (administrators).
 */
@RestController
@Tag(name = "Accounts", description = "Registrierung, Einladung, Passwort und E-Mail-Adresse")
public class AccountController {

	record RegistrationRequest(@Size(max = 320) String email, @Size(max = 200) String password,
			@Size(max = 200) String displayName, @Size(max = 64) String partnershipId) {
	}

	record TokenRequest(@Size(max = 200) String token) {
	}

	record PasswordResetRequest(@Size(max = 320) String email) {
	}

	record NewPasswordRequest(@Size(max = 200) String token, @Size(max = 200) String password) {
	}

	public record InvitationRequest(@Size(max = 320) String email, @Size(max = 200) String displayName, Role role,
			Boolean administrator) {
	}

	record PartnershipRequest(@Size(max = 64) String id, @Size(max = 200) String name,
			@Size(max = 320) String adminEmail, @Size(max = 200) String adminDisplayName) {
	}

	record EmailChangeRequest(@Size(max = 320) String email, @Size(max = 200) String currentPassword) {
	}

	private static final Map<String, String> REGISTERED = Map.of("message",
			"Bitte bestätigen Sie Ihre E-Mail-Adresse mit dem Link, den wir Ihnen geschickt haben / "
					+ "confirm your address with the link we sent");

	private static final Map<String, String> RESET_REQUESTED = Map.of("message",
			"Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link geschickt / "
					+ "if this address has an account, a link was sent");

	private final AccountUseCases accounts;

	AccountController(AccountUseCases accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/partnerships")
	@Operation(summary = "The partnerships of this installation (to register with one)")
	List<PartnershipView> partnerships() {
		return this.accounts.partnerships();
	}

	@PostMapping("/api/partnerships")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Register a further partnership of the installation (platform administrators)",
			description = "Establishes its steering board and youth forum and invites its first administrator "
					+ "(adminEmail) by mail.")
	@SecurityRequirement(name = "basic")
	ResponseEntity<PartnershipView> registerPartnership(@AuthenticationPrincipal GrantsUser user,
			@Valid @RequestBody PartnershipRequest request) {
		PartnershipView created = this.accounts.registerPartnership(user, request.id(), request.name(),
				request.adminEmail(), request.adminDisplayName());
		return ResponseEntity.created(URI.create("/api/partnerships/" + created.id().value())).body(created);
	}

	@PostMapping("/api/registrations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Register as an applicant; sign-in works once the link in the mail is followed",
			description = "The login name is the e-mail address. Always 202: the answer does not tell whether the "
					+ "address has an account. partnershipId may be left out when the installation has one.")
	Map<String, String> register(@Valid @RequestBody RegistrationRequest request, HttpServletRequest http) {
		this.accounts.register(request.email(), request.password(), request.displayName(), request.partnershipId(),
				ClientAddress.of(http).value());
		return REGISTERED;
	}

	@PostMapping("/api/registrations/confirmation")
	@Operation(summary = "Confirm a registration with the token of the mail's link")
	Map<String, String> confirm(@Valid @RequestBody TokenRequest request) {
		this.accounts.confirmRegistration(request.token());
		return Map.of("message", "E-Mail-Adresse bestätigt; Sie können sich anmelden / confirmed, you can sign in");
	}

	@PostMapping("/api/password-resets")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ask for a password-reset link (always 202)")
	Map<String, String> requestReset(@Valid @RequestBody PasswordResetRequest request, HttpServletRequest http) {
		this.accounts.requestPasswordReset(request.email(), ClientAddress.of(http).value());
		return RESET_REQUESTED;
	}

	@PostMapping("/api/password-resets/confirmation")
	@Operation(summary = "Set a new password with the token of a reset or invitation link")
	Map<String, String> resetPassword(@Valid @RequestBody NewPasswordRequest request) {
		this.accounts.setPasswordWithLink(request.token(), request.password());
		return Map.of("message", "Neues Passwort gespeichert / new password saved");
	}

	@GetMapping("/api/account")
	@Operation(summary = "Your own account")
	@SecurityRequirement(name = "basic")
	AccountView me(@AuthenticationPrincipal GrantsUser user) {
		return this.accounts.me(user);
	}

	@PostMapping("/api/account/email")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Change your e-mail address (confirmed from the new mailbox)")
	@SecurityRequirement(name = "basic")
	Map<String, String> changeEmail(@AuthenticationPrincipal GrantsUser user,
			@Valid @RequestBody EmailChangeRequest request, HttpServletRequest http) {
		this.accounts.requestEmailChange(user, request.email(), request.currentPassword(),
				ClientAddress.of(http).value());
		return Map.of("message", "Bitte bestätigen Sie die neue Adresse mit dem Link in der Mail / "
				+ "confirm the new address with the link we sent");
	}

	@PostMapping("/api/email-changes/confirmation")
	@Operation(summary = "Confirm a new e-mail address with the token of the mail's link")
	Map<String, String> confirmEmailChange(@Valid @RequestBody TokenRequest request) {
		this.accounts.confirmEmailChange(request.token());
		return Map.of("message", "Neue E-Mail-Adresse bestätigt / new address confirmed");
	}

	@GetMapping("/api/accounts")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "The accounts of your partnership (administrators)")
	@SecurityRequirement(name = "basic")
	List<AccountView> accounts(@AuthenticationPrincipal GrantsUser user) {
		return this.accounts.accounts(user);
	}

	@PostMapping("/api/accounts")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Invite a staff member, auditor or body member by e-mail (administrators)",
			description = "Creates the account and mails a link (valid 7 days) to set the password. Members are "
					+ "then added to their body under /api/decision-bodies/{id}/members with the returned username.")
	@SecurityRequirement(name = "basic")
	ResponseEntity<AccountView> invite(@AuthenticationPrincipal GrantsUser user,
			@Valid @RequestBody InvitationRequest request) {
		AccountView account = this.accounts.invite(user, request.email(), request.displayName(), request.role(),
				Boolean.TRUE.equals(request.administrator()));
		return ResponseEntity.created(URI.create("/api/accounts/" + account.username())).body(account);
	}

}
