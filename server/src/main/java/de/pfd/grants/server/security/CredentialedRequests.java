package de.pfd.grants.server.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.GenericFilterBean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * A request that brings its own credentials ({@code Authorization}: a token or HTTP
 * Basic) never reads, makes or changes a browser session, even if it also carries a
 * session cookie: behind the session filter the session is hidden from it, and whatever
 * asks for one (a page's CSRF token, say) gets a session that lives for this request only
 * and is stored nowhere.
 */
final class CredentialedRequests extends GenericFilterBean {

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request instanceof HttpServletRequest http && http.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			// on every dispatch (an error page too): wrapping twice does no harm
			chain.doFilter(new WithoutSession(http), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static final class WithoutSession extends HttpServletRequestWrapper {

		private RequestOnlySession session;

		WithoutSession(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession(boolean create) {
			if (this.session == null && create) {
				this.session = new RequestOnlySession(getServletContext());
			}
			return this.session;
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public String getRequestedSessionId() {
			return null;
		}

		@Override
		public boolean isRequestedSessionIdValid() {
			return false;
		}

		@Override
		public boolean isRequestedSessionIdFromCookie() {
			return false;
		}

		@Override
		public String changeSessionId() {
			if (this.session == null) {
				throw new IllegalStateException("no session");
			}
			return this.session.getId();
		}

	}

	/** A session for one request, kept nowhere. */
	private static final class RequestOnlySession implements HttpSession {

		private final String id = UUID.randomUUID().toString();

		private final long created = System.currentTimeMillis();

		private final ServletContext context;

		private final Map<String, Object> attributes = new HashMap<>();

		private int maxInactiveInterval;

		RequestOnlySession(ServletContext context) {
			this.context = context;
		}

		@Override
		public long getCreationTime() {
			return this.created;
		}

		@Override
		public String getId() {
			return this.id;
		}

		@Override
		public long getLastAccessedTime() {
			return this.created;
		}

		@Override
		public ServletContext getServletContext() {
			return this.context;
		}

		@Override
		public void setMaxInactiveInterval(int interval) {
			this.maxInactiveInterval = interval;
		}

		@Override
		public int getMaxInactiveInterval() {
			return this.maxInactiveInterval;
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (value == null) {
				this.attributes.remove(name);
			}
			else {
				this.attributes.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

		@Override
		public void invalidate() {
			this.attributes.clear();
		}

		@Override
		public boolean isNew() {
			return true;
		}

	}

}
