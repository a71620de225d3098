package de.pfd.grants.server.signin;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.persistence.DatabaseUnavailable;
import de.pfd.grants.server.security.CurrentUser;
import de.pfd.grants.server.security.SignInPageHandlers;
import de.pfd.grants.server.security.SignInThrottled;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.server.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in form. Signing in itself (POST /login) and out (POST /logout) are done by
 * Spring Security; a failed sign-in is forwarded here to show the form again.
 */
@Controller
@Hidden
class SignInPages {

	private final MessageSource messages;

	SignInPages(MessageSource messages) {
		this.messages = messages;
	}

	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	/** The longest name an account can have: a longer one is not shown back. */
	private static final int LONGEST_NAME = 320;

	@GetMapping("/login")
	String form(@RequestParam(name = "abgemeldet", required = false) String signedOut,
			@RequestParam(name = "passwort-geaendert", required = false) String passwordChanged, Model model) {
		if (CurrentUser.get().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("signedOut", signedOut != null);
		model.addAttribute("passwordChanged", passwordChanged != null);
		model.addAttribute("username", "");
		return "login";
	}

	/** Reached only from a failed sign-in: the form again, with the name kept. */
	@PostMapping(SignInPageHandlers.FAILED)
	String failed(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(SignInPageHandlers.FAILURE) instanceof AuthenticationException failure)) {
			return "redirect:/login";
		}
		String error;
		if (failure instanceof SignInThrottled throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			error = english() ? Bilingual.local(throttled.message()) : throttled.germanMessage();
		}
		else if (DatabaseUnavailable.causedBy(failure)) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
			error = this.messages.getMessage("signin.error.database", null, LocaleContextHolder.getLocale());
		}
		else {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			error = this.messages.getMessage("signin.error.wrong", null, LocaleContextHolder.getLocale());
		}
		String username = request.getParameter("username");
		model.addAttribute("signedOut", false);
		model.addAttribute("passwordChanged", false);
		model.addAttribute("username", username == null || username.length() > LONGEST_NAME ? "" : username.strip());
		model.addAttribute("error", error);
		return "login";
	}

}
