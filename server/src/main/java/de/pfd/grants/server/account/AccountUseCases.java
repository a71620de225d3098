package de.pfd.grants.server.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import de.pfd.grants.server.mail.Outbox;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.partnership.FindPartnershipsQuery;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipView;

/**
 * Accounts over their life: applicants register and confirm their address; an
 * administrator invites staff, auditors and members; anyone resets a forgotten password
 * or changes their address. Every change and the mail it causes are committed together
 * (the outbox); answers never tell whether an address has an account.
 */
@Service
public class AccountUseCases {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

	private static final int MAX_EMAIL = 254;

	private final AccountStore accounts;

	private final AccountTokens tokens;

	private final PasswordPolicy passwords;

	private final PasswordEncoder encoder;

	private final Outbox outbox;

	private final QueryGateway queries;

	private final String publicUrl;

	private final MailRequestThrottle throttle;

	private final PartnershipEstablishment establishment;

	private final TransactionTemplate transaction;

	AccountUseCases(AccountStore accounts, AccountTokens tokens, PasswordPolicy passwords, PasswordEncoder encoder,
			Outbox outbox, QueryGateway queries, @Value("${grants.public-url}") String publicUrl,
			MailRequestThrottle throttle, PartnershipEstablishment establishment,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.throttle = throttle;
		this.establishment = establishment;
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.encoder = encoder;
		this.outbox = outbox;
		this.queries = queries;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** An account as its administrator sees it (never the hash). */
	public record AccountView(String username, String email, String displayName, Role role, boolean administrator,
			boolean enabled) {

		static AccountView of(GrantsUser user) {
			return new AccountView(user.username(), user.email(), user.displayName(), user.role(), user.administrator(),
					user.enabled());
		}

	}

	// ---------------------------------------------------------------- registration

	/**
	 * An applicant registers; the account works once the link in the mail is followed. If
	 * the address has an account already, its owner is told so by mail instead: the
	 * answer is the same either way.
	 */
	@Transactional
	public void register(String email, String password, String displayName, String partnershipId, String client) {
		String address = email(email, "email");
		String name = text(displayName, "displayName", 200);
		this.passwords.check(password, address, "password");
		PartnershipId partnership = partnership(partnershipId);
		this.throttle.count(address, client);
		Optional<GrantsUser> existing = this.accounts.byEmail(address);
		if (existing.isPresent() && existing.get().enabled()) {
			this.outbox.queue(existing.get().partnershipId(), address, "Ihr Konto besteht bereits / account exists", """
					Guten Tag,

					für diese E-Mail-Adresse wurde eine Registrierung versucht. Sie haben bereits ein Konto.
					Falls Sie Ihr Passwort vergessen haben, setzen Sie es hier zurück: %s/konto/passwort-vergessen

					Falls Sie das nicht waren, können Sie diese Nachricht ignorieren.

					(English: someone tried to register with this address; you already have an account.)
					""".formatted(this.publicUrl));
			return;
		}
		String username = existing.map(GrantsUser::username)
			.orElseGet(() -> this.accounts.create(partnership, Role.APPLICANT, address, name,
					this.encoder.encode(password), false));
		if (existing.isPresent()) {
			// registered before but never confirmed: the newest password and name count
			this.accounts.setPassword(username, this.encoder.encode(password));
		}
		String token = this.tokens.issue(AccountTokens.Kind.VERIFY_EMAIL, username, address);
		this.outbox.queue(partnership, address, "Bitte bestätigen Sie Ihre E-Mail-Adresse / confirm your address", """
				Guten Tag %s,

				bitte bestätigen Sie Ihre Registrierung mit diesem Link (gültig 48 Stunden):
				%s/konto/bestaetigen?token=%s

				Erst danach können Sie sich anmelden. Falls Sie sich nicht registriert haben, ignorieren Sie diese
				Nachricht.

				(English: please confirm your registration with the link above; it is valid for 48 hours.)
				""".formatted(name, this.publicUrl, token));
	}

	/** The link of the registration mail was followed: the account may sign in. */
	@Transactional
	public void confirmRegistration(String token) {
		AccountTokens.Use use = this.tokens.consume(token, AccountTokens.Kind.VERIFY_EMAIL)
			.orElseThrow(AccountUseCases::invalidLink);
		this.accounts.confirmEmail(use.username(), use.newEmail());
	}

	// -------------------------------------------------------------- password reset

	/**
	 * Sends a reset link if the address has an account; the answer is the same either
	 * way.
	 */
	@Transactional
	public void requestPasswordReset(String email, String client) {
		String address = email(email, "email");
		this.throttle.count(address, client);
		this.accounts.byEmail(address).filter(GrantsUser::enabled).ifPresent(user -> {
			String token = this.tokens.issue(AccountTokens.Kind.PASSWORD_RESET, user.username(), null);
			this.outbox.queue(user.partnershipId(), address, "Passwort zurücksetzen / reset your password", """
					Guten Tag %s,

					mit diesem Link setzen Sie ein neues Passwort (gültig eine Stunde, nur einmal):
					%s/konto/passwort?token=%s

					Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt.

					(English: use the link above within one hour to set a new password.)
					""".formatted(user.displayName(), this.publicUrl, token));
		});
	}

	/**
	 * A new password through a reset link or an invitation (which also confirms the
	 * address and opens the account).
	 */
	@Transactional
	public void setPasswordWithLink(String token, String password) {
		AccountTokens.Use use = this.tokens
			.consume(token, AccountTokens.Kind.PASSWORD_RESET, AccountTokens.Kind.INVITATION)
			.orElseThrow(AccountUseCases::invalidLink);
		GrantsUser user = this.accounts.byUsername(use.username()).orElseThrow(AccountUseCases::invalidLink);
		// a refused password rolls back the transaction: the link still works
		this.passwords.check(password, user.email(), "password");
		this.accounts.setPassword(user.username(), this.encoder.encode(password));
		if (use.newEmail() != null) {
			this.accounts.confirmEmail(user.username(), use.newEmail());
		}
	}

	// ------------------------------------------------------------------ invitation

	/**
	 * An administrator invites a colleague, an auditor or a member of a body; the mail's
	 * link lets them set a password.
	 */
	@Transactional
	public AccountView invite(GrantsUser admin, String email, String displayName, Role role, boolean administrator) {
		return inviteInto(admin.partnershipId(), admin.displayName(), email, displayName, role, administrator);
	}

	/**
	 * A new partnership of the installation, with its steering board and youth forum and
	 * its first administrator, invited by mail (platform administrators only).
	 */
	public PartnershipView registerPartnership(GrantsUser platformAdmin, String id, String name, String adminEmail,
			String adminName) {
		if (!this.accounts.isPlatformAdministrator(platformAdmin.username())) {
			throw new AccessDeniedException("platform administrators only");
		}
		if (id == null || !PartnershipId.FORMAT.matcher(id).matches()) {
			throw ApiException.badInput("id",
					"Kleinbuchstaben, Ziffern und Bindestriche, 2–63 Zeichen / lower-case letters, digits and dashes");
		}
		String partnershipName = text(name, "name", 200);
		String address = email(adminEmail, "adminEmail");
		String display = text(adminName, "adminDisplayName", 200);
		PartnershipId partnership = new PartnershipId(id);
		if (this.establishment.exists(partnership)) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.PARTNERSHIP_ALREADY_EXISTS,
					"Diese Partnerschaft gibt es schon / the partnership exists", "id");
		}
		if (this.accounts.byEmail(address).isPresent()) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CONFLICT,
					"Für diese E-Mail-Adresse gibt es bereits ein Konto / this address has an account", "adminEmail");
		}
		// the partnership's events are committed first, so that its bodies can be read
		this.establishment.establish(partnership, partnershipName);
		this.transaction.executeWithoutResult(
				status -> inviteInto(partnership, platformAdmin.displayName(), address, display, Role.STAFF, true));
		return new PartnershipView(partnership, partnershipName);
	}

	private AccountView inviteInto(PartnershipId partnership, String inviter, String email, String displayName,
			Role role, boolean administrator) {
		String address = email(email, "email");
		String name = text(displayName, "displayName", 200);
		if (role == null || role == Role.APPLICANT) {
			throw ApiException.badInput("role",
					"Einladen lassen sich STAFF, AUDITOR und MEMBER; Antragstellende registrieren sich selbst / "
							+ "one of STAFF, AUDITOR, MEMBER");
		}
		if (administrator && role != Role.STAFF) {
			throw ApiException.badInput("administrator",
					"Nur Mitarbeitende können Administrator sein / only staff can be administrators");
		}
		if (this.accounts.byEmail(address).isPresent()) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CONFLICT,
					"Für diese E-Mail-Adresse gibt es bereits ein Konto / this address has an account", "email");
		}
		// no password yet: nobody can sign in until the invitation is accepted
		String username = this.accounts.create(partnership, role, address, name,
				this.encoder.encode(UUID.randomUUID().toString()), administrator);
		String token = this.tokens.issue(AccountTokens.Kind.INVITATION, username, address);
		this.outbox.queue(partnership, address, "Einladung / invitation", """
				Guten Tag %s,

				%s hat Sie in das Förderportal der Partnerschaft für Demokratie eingeladen. Mit diesem Link legen
				Sie Ihr Passwort fest (gültig 7 Tage, nur einmal):
				%s/konto/passwort?token=%s

				(English: you were invited; set your password with the link above within 7 days.)
				""".formatted(name, inviter, this.publicUrl, token));
		return AccountView.of(this.accounts.byUsername(username).orElseThrow());
	}

	/** The signed-in user's own account, as stored now. */
	public AccountView me(GrantsUser user) {
		return AccountView.of(this.accounts.byUsername(user.username()).orElse(user));
	}

	/** The partnerships of the installation (public: a registration names one). */
	public List<PartnershipView> partnerships() {
		return this.queries.query(new FindPartnershipsQuery(), ResponseTypes.multipleInstancesOf(PartnershipView.class))
			.join();
	}

	/** The accounts of the administrator's partnership. */
	public List<AccountView> accounts(GrantsUser admin) {
		return this.accounts.of(admin.partnershipId()).stream().map(AccountView::of).toList();
	}

	// ----------------------------------------------------------- change of address

	/**
	 * A signed-in user asks for a new address (with the current password); it counts once
	 * confirmed from the new mailbox. The old address is told.
	 */
	@Transactional
	public void requestEmailChange(GrantsUser user, String newEmail, String currentPassword, String client) {
		String address = email(newEmail, "email");
		if (currentPassword == null || !this.encoder.matches(currentPassword, user.getPassword())) {
			throw ApiException.badInput("currentPassword", "Das Passwort stimmt nicht / wrong password");
		}
		this.throttle.count(address, client);
		if (this.accounts.byEmail(address).isPresent()) {
			// the same answer as for a free address; the new mailbox is told
			this.outbox.queue(user.partnershipId(), address, "E-Mail-Adresse bereits vergeben / address in use",
					"Für diese Adresse besteht bereits ein Konto; sie wurde nicht übernommen.\n"
							+ "(English: this address already has an account; nothing was changed.)\n");
			return;
		}
		String token = this.tokens.issue(AccountTokens.Kind.CHANGE_EMAIL, user.username(), address);
		this.outbox.queue(user.partnershipId(), address, "Neue E-Mail-Adresse bestätigen / confirm your new address",
				"""
						Guten Tag %s,

						bitte bestätigen Sie Ihre neue E-Mail-Adresse mit diesem Link (gültig 24 Stunden):
						%s/konto/email-bestaetigen?token=%s

						(English: confirm your new address with the link above.)
						""".formatted(user.displayName(), this.publicUrl, token));
		this.accounts.emailOf(user.username())
			.ifPresent(old -> this.outbox.queue(user.partnershipId(), old,
					"Änderung Ihrer E-Mail-Adresse / change of address",
					"Für Ihr Konto wurde eine neue E-Mail-Adresse angegeben. Waren Sie das nicht, "
							+ "ändern Sie bitte Ihr Passwort.\n(English: a new address was given for your account.)\n"));
	}

	// ------------------------------------------------------------ change of password

	/**
	 * A signed-in user sets a new password with the current one. Like every new password
	 * it ends all the account's sessions ({@code PasswordChanged}), this one too.
	 */
	@Transactional
	public void changePassword(GrantsUser user, String currentPassword, String newPassword) {
		if (currentPassword == null || !this.encoder.matches(currentPassword, user.getPassword())) {
			throw ApiException.badInput("currentPassword", "Das Passwort stimmt nicht / wrong password");
		}
		this.passwords.check(newPassword, user.email(), "newPassword");
		this.accounts.setPassword(user.username(), this.encoder.encode(newPassword));
	}

	/** The link to the new address was followed: it is the account's address now. */
	@Transactional
	public void confirmEmailChange(String token) {
		AccountTokens.Use use = this.tokens.consume(token, AccountTokens.Kind.CHANGE_EMAIL)
			.orElseThrow(AccountUseCases::invalidLink);
		if (this.accounts.byEmail(use.newEmail()).isPresent()) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CONFLICT,
					"Für diese E-Mail-Adresse gibt es inzwischen ein Konto / this address has an account now", null);
		}
		this.accounts.confirmEmail(use.username(), use.newEmail());
	}

	/** Whether a reset or invitation link would still work (to show its form). */
	public boolean passwordLinkValid(String token) {
		return this.tokens.valid(token, AccountTokens.Kind.PASSWORD_RESET, AccountTokens.Kind.INVITATION);
	}

	// --------------------------------------------------------------------- helpers

	private PartnershipId partnership(String requested) {
		List<PartnershipView> all = partnerships();
		if (requested == null || requested.isBlank()) {
			if (all.size() == 1) {
				return all.get(0).id();
			}
			throw ApiException.badInput("partnershipId",
					"Bitte die Partnerschaft angeben / which partnership (there are several or none)");
		}
		return all.stream()
			.map(PartnershipView::id)
			.filter(id -> id.value().equals(requested))
			.findFirst()
			.orElseThrow(
					() -> ApiException.badInput("partnershipId", "Unbekannte Partnerschaft / unknown partnership"));
	}

	/** A valid address, trimmed and lower-cased, or a field error. */
	public static String email(String email, String field) {
		if (email == null || email.isBlank()) {
			throw ApiException.badInput(field, "Bitte eine E-Mail-Adresse angeben / an e-mail address is required");
		}
		String address = AccountStore.normalisedEmail(email);
		if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
			throw ApiException.badInput(field, "Keine gültige E-Mail-Adresse / not a valid e-mail address");
		}
		return address;
	}

	private static String text(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw ApiException.badInput(field, "Pflichtfeld / required");
		}
		if (value.strip().length() > max) {
			throw ApiException.badInput(field, "höchstens " + max + " Zeichen / at most " + max + " characters");
		}
		return value.strip();
	}

	private static ApiException invalidLink() {
		return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT,
				"Der Link ist ungültig, abgelaufen oder wurde schon benutzt / the link is invalid, expired or used",
				"token");
	}

}
