package de.pfd.grants.server.security;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import de.pfd.grants.persistence.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>} with a personal
 * access token, for this request only: nothing is kept in a session. A token that signs
 * nobody in is answered 401 at once (never a fall-back to another way of signing in).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final AccessTokens tokens;

	private final SignInAnswers answers;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(AccessTokens tokens, SignInAnswers answers) {
		this.tokens = tokens;
		this.answers = answers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AccessTokens.Holder> holder;
		try {
			holder = this.tokens.authenticate(header.substring(BEARER.length()).strip());
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				this.answers.unavailable(response);
				return;
			}
			throw ex;
		}
		if (holder.isEmpty()) {
			this.answers.invalidToken(response);
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new TokenAuthentication(holder.get().account(), holder.get().tokenId()));
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

}
