package de.pfd.grants.server.workspace.admin;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal of a use case that no form shows (an unknown or foreign id: 404; a role the
 * API refuses: 403) as the error page with the API's status, not as the API's JSON.
 */
@ControllerAdvice(basePackageClasses = AdminRefusals.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminRefusals {

	@ExceptionHandler(ApiException.class)
	String refused(ApiException refusal, HttpServletResponse response, Model model) {
		response.setStatus(refusal.status().value());
		model.addAttribute("status", refusal.status().value());
		if (refusal.status() != HttpStatus.FORBIDDEN && refusal.status() != HttpStatus.NOT_FOUND) {
			model.addAttribute("reason", Bilingual.local(refusal.getMessage()));
		}
		return "error";
	}

	/** A partnership administrator's page asked for by another member of staff. */
	@ExceptionHandler(AccessDeniedException.class)
	String denied(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("status", HttpStatus.FORBIDDEN.value());
		return "error";
	}

}
