package de.pfd.grants.server.workspace.audit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal of the audit use cases as a page (404 for an application of another
 * partnership), not the API's problem JSON.
 */
@ControllerAdvice(basePackageClasses = AuditRefusals.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditRefusals {

	@ExceptionHandler(ApiException.class)
	String refused(ApiException refusal, HttpServletResponse response, Model model) {
		response.setStatus(refusal.status().value());
		model.addAttribute("status", refusal.status().value());
		if (refusal.status().value() != 403 && refusal.status().value() != 404) {
			model.addAttribute("reason", Bilingual.local(refusal.getMessage()));
		}
		return "error";
	}

}
