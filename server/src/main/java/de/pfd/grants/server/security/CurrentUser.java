package de.pfd.grants.server.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in account of the current request, if any. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<GrantsUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof GrantsUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

}
