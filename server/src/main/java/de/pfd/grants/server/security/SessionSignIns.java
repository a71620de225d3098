package de.pfd.grants.server.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Who is signed in to a browser session (Spring Session JDBC, shared by every node). The
 * session holds only the account's name and when it signed in, never the account itself
 * or a password hash: each request reads the account again, so a disabled or deleted
 * account is signed out at its next request, and an update of the product never meets a
 * session it cannot read.
 * <p>
 * A session ends after 30 minutes without a request
 * ({@code server.servlet.session.timeout}) and, whatever happens,
 * {@code grants.sign-in.absolute-timeout} (default 12 h) after the sign-in.
 * {@link PasswordChanged} ends every session of the account. A request that carries an
 * {@code Authorization} header (a token or HTTP Basic) never reads, creates or changes a
 * session.
 */
@Component
@ConditionalOnWebApplication
public class SessionSignIns implements SecurityContextRepository {

	private static final Logger log = LoggerFactory.getLogger(SessionSignIns.class);

	static final String ACCOUNT = "grants.account";

	static final String SIGNED_IN_AT = "grants.signedInAt";

	private final AccountStore accounts;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Duration absoluteTimeout;

	private final Clock clock;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	@Autowired
	SessionSignIns(AccountStore accounts, FindByIndexNameSessionRepository<? extends Session> sessions,
			@Value("${grants.sign-in.absolute-timeout:12h}") Duration absoluteTimeout) {
		this(accounts, sessions, absoluteTimeout, Clock.systemUTC());
	}

	SessionSignIns(AccountStore accounts, FindByIndexNameSessionRepository<? extends Session> sessions,
			Duration absoluteTimeout, Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
	}

	/** Requests of API clients that sign in on each request: sessions stay out of it. */
	static boolean carriesCredentials(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return new Deferred(() -> load(request));
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		SecurityContext context = load(holder.getRequest());
		return context == null ? this.contexts.createEmptyContext() : context;
	}

	/** The session's sign-in, or null. */
	private SecurityContext load(HttpServletRequest request) {
		if (carriesCredentials(request)) {
			return null;
		}
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ACCOUNT) instanceof String username)) {
			return null;
		}
		if (session.getAttribute(SIGNED_IN_AT) instanceof Long at
				&& this.clock.millis() - at > this.absoluteTimeout.toMillis()) {
			session.invalidate();
			return null;
		}
		// by the stable user name (never read as an e-mail address)
		Optional<GrantsUser> found = this.accounts.byUsername(username);
		if (found.isEmpty() || !found.get().isEnabled()) {
			session.invalidate();
			return null;
		}
		GrantsUser account = found.get();
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		return context;
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		if (carriesCredentials(request)) {
			return;
		}
		Authentication authentication = context.getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof GrantsUser account)
				|| authentication instanceof TokenAuthentication) {
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(ACCOUNT) != null) {
				session.removeAttribute(ACCOUNT);
				session.removeAttribute(SIGNED_IN_AT);
				session.removeAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
			}
			return;
		}
		HttpSession session = request.getSession(true);
		if (!account.username().equals(session.getAttribute(ACCOUNT))) {
			session.setAttribute(ACCOUNT, account.username());
			session.setAttribute(SIGNED_IN_AT, this.clock.millis());
			session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, account.username());
		}
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		if (carriesCredentials(request)) {
			return false;
		}
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(ACCOUNT) != null;
	}

	/** Ends every session of the account: its password changed, or it was disabled. */
	@EventListener
	void passwordChanged(PasswordChanged event) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(event.username()).keySet()) {
			this.sessions.deleteById(id);
			ended++;
		}
		if (ended > 0) {
			log.info("password changed: {} session(s) of the account ended", ended);
		}
	}

	/** Reads the session once, when first asked. */
	private final class Deferred implements DeferredSecurityContext {

		private final Supplier<SecurityContext> load;

		private SecurityContext context;

		private boolean generated;

		Deferred(Supplier<SecurityContext> load) {
			this.load = load;
		}

		@Override
		public SecurityContext get() {
			if (this.context == null) {
				SecurityContext loaded = this.load.get();
				this.generated = loaded == null;
				this.context = loaded == null ? SessionSignIns.this.contexts.createEmptyContext() : loaded;
			}
			return this.context;
		}

		@Override
		public boolean isGenerated() {
			get();
			return this.generated;
		}

	}

}
