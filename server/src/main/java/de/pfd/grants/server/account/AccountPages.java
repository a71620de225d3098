package de.pfd.grants.server.account;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.pfd.grants.server.security.ClientAddress;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages behind the links of account mails (German, English with {@code ?lang=en}):
 * confirm a registration or a new address, set a password after a reset or an invitation,
 * ask for a reset. Thin: every rule is in {@link AccountUseCases}.
 */
@Controller
@RequestMapping("/konto")
class AccountPages {

	private static final String MESSAGE = "konto/message";

	private final AccountUseCases accounts;

	private final MessageSource messages;

	AccountPages(AccountUseCases accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The link of the registration mail: following it confirms the address. */
	@GetMapping("/bestaetigen")
	String confirmRegistration(@RequestParam(required = false) String token, Model model,
			HttpServletResponse response) {
		try {
			this.accounts.confirmRegistration(token);
			return message(model, true, "message.registrationConfirmed");
		}
		catch (ApiException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return message(model, false, LINK_INVALID);
		}
	}

	/** The link sent to a new address: following it makes it the account's address. */
	@GetMapping("/email-bestaetigen")
	String confirmEmailChange(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		try {
			this.accounts.confirmEmailChange(token);
			return message(model, true, "message.emailConfirmed");
		}
		catch (ApiException ex) {
			response.setStatus(ex.status().value());
			return ex.status() == HttpStatus.CONFLICT
					? message(model, false, LINK_INVALID + ".heading", "message.emailTaken")
					: message(model, false, LINK_INVALID);
		}
	}

	/**
	 * The link of a reset or an invitation: shows the form (the link is not used yet).
	 */
	@GetMapping("/passwort")
	String passwordForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		if (!this.accounts.passwordLinkValid(token)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return message(model, false, LINK_INVALID);
		}
		model.addAttribute("token", token);
		return "konto/password";
	}

	@PostMapping("/passwort")
	String setPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.accounts.setPasswordWithLink(token, password);
		}
		catch (ApiException ex) {
			if ("token".equals(ex.field())) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				return message(model, false, LINK_INVALID);
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("token", token);
			model.addAttribute("error", Bilingual.local(ex.getMessage()));
			return "konto/password";
		}
		return "redirect:/konto/passwort-gespeichert";
	}

	@GetMapping("/passwort-gespeichert")
	String passwordSaved(Model model) {
		return message(model, true, "message.passwordSaved");
	}

	@GetMapping("/passwort-vergessen")
	String forgottenForm(@RequestParam(required = false) String gesendet, Model model) {
		model.addAttribute("sent", gesendet != null);
		return "konto/forgotten";
	}

	@PostMapping("/passwort-vergessen")
	String forgotten(@RequestParam(required = false) String email, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			this.accounts.requestPasswordReset(email, ClientAddress.of(request).value());
		}
		catch (ApiException ex) {
			response.setStatus(ex.status() == HttpStatus.TOO_MANY_REQUESTS ? ex.status().value()
					: HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("email", email);
			model.addAttribute("error", Bilingual.local(ex.getMessage()));
			return "konto/forgotten";
		}
		return "redirect:/konto/passwort-vergessen?gesendet";
	}

	/** Registration as an applicant: the form (one field per line of the mail's link). */
	@GetMapping("/registrieren")
	String registrationForm(@RequestParam(required = false) String gesendet, Model model) {
		model.addAttribute("sent", gesendet != null);
		model.addAttribute("partnerships", this.accounts.partnerships());
		model.addAttribute("form", new RegistrationForm(null, null, null));
		return "konto/register";
	}

	/**
	 * Registers and sends the confirmation link; the answer never tells whether the
	 * address has an account (the same page follows). A refused field is shown at the
	 * field with the values kept (not the password).
	 */
	@PostMapping("/registrieren")
	String register(@RequestParam(required = false) String displayName, @RequestParam(required = false) String email,
			@RequestParam(required = false) String password, @RequestParam(required = false) String partnershipId,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			this.accounts.register(email, password, displayName, partnershipId, ClientAddress.of(request).value());
		}
		catch (ApiException ex) {
			response.setStatus(ex.status() == HttpStatus.TOO_MANY_REQUESTS ? ex.status().value()
					: HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("sent", false);
			model.addAttribute("partnerships", this.accounts.partnerships());
			model.addAttribute("form", new RegistrationForm(displayName, email, partnershipId));
			model.addAttribute("error", Bilingual.local(ex.getMessage()));
			model.addAttribute("errorField", ex.field() == null ? "email" : ex.field());
			return "konto/register";
		}
		return "redirect:/konto/registrieren?gesendet";
	}

	/** What the registration form shows back after a refusal (never the password). */
	record RegistrationForm(String displayName, String email, String partnershipId) {
	}

	/** The message key of a link that does not work (and, with ".heading", its title). */
	private static final String LINK_INVALID = "message.linkInvalid";

	/** The page of the message {@code key}, titled by {@code key.heading}. */
	private String message(Model model, boolean success, String key) {
		return message(model, success, key + ".heading", key);
	}

	private String message(Model model, boolean success, String headingKey, String key) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("success", success);
		model.addAttribute("heading", this.messages.getMessage(headingKey, null, locale));
		model.addAttribute("message", this.messages.getMessage(key, null, locale));
		return MESSAGE;
	}

}
