package de.pfd.grants.server.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What the sign-in form does after a sign-in: to the start page when it worked; else the
 * form again, rendered for this request with the name kept, the reason and its status
 * (401, 429 with {@code Retry-After}, 503), by the page's controller.
 */
@Component
@ConditionalOnWebApplication
public class SignInPageHandlers {

	/** The request attribute that holds why the sign-in failed. */
	public static final String FAILURE = SignInPageHandlers.class.getName() + ".failure";

	/**
	 * Where a failed sign-in is forwarded (not /login itself: the forward passes the
	 * security filters again, and the sign-in filter would take it once more).
	 */
	public static final String FAILED = "/login/failed";

	AuthenticationSuccessHandler success() {
		SimpleUrlAuthenticationSuccessHandler handler = new SimpleUrlAuthenticationSuccessHandler("/");
		handler.setAlwaysUseDefaultTargetUrl(true);
		return handler;
	}

	AuthenticationFailureHandler failure() {
		return (request, response, ex) -> {
			request.setAttribute(FAILURE, ex);
			request.getRequestDispatcher(FAILED).forward(request, response);
		};
	}

}
