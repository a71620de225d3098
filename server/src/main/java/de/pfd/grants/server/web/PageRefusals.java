package de.pfd.grants.server.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal on a page of the portal or the workspace is the HTML error page, not the
 * API's problem JSON: 404 and 403 say only that (nothing about what exists), any other
 * refusal (a conflict, a wrong status) also why, in the page's language. The one place
 * for every page controller of these packages (the API's controllers live elsewhere and
 * answer through {@link ApiExceptionHandler}).
 */
@ControllerAdvice(basePackages = { "de.pfd.grants.server.portal", "de.pfd.grants.server.workspace" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageRefusals {

	@ExceptionHandler(ApiException.class)
	String refused(ApiException refusal, HttpServletResponse response, Model model) {
		response.setStatus(refusal.status().value());
		model.addAttribute("status", refusal.status().value());
		if (refusal.status() != HttpStatus.FORBIDDEN && refusal.status() != HttpStatus.NOT_FOUND) {
			model.addAttribute("reason", Bilingual.local(refusal.getMessage()));
		}
		return "error";
	}

	/** A page that the user's role may not open (a method's {@code @PreAuthorize}). */
	@ExceptionHandler(AccessDeniedException.class)
	String denied(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("status", HttpStatus.FORBIDDEN.value());
		return "error";
	}

}
