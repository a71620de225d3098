package de.pfd.grants.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import de.pfd.grants.shared.partnership.PartnershipId;

/** What a browser session holds, and when it ends. */
class SessionSignInsTest {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final GrantsUser ANNA = new GrantsUser("anna", "hash", Role.STAFF,
			new PartnershipId("kreis-mettmann"), null, "Anna", null, true, null, false);

	private final AccountStore accounts = mock(AccountStore.class);

	@SuppressWarnings("unchecked")
	private final FindByIndexNameSessionRepository<Session> repository = mock(FindByIndexNameSessionRepository.class);

	private final SessionSignIns sessions = new SessionSignIns(this.accounts, this.repository, Duration.ofHours(12),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private MockHttpServletRequest signedInAt(Instant at) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SessionSignIns.ACCOUNT, "anna");
		session.setAttribute(SessionSignIns.SIGNED_IN_AT, at.toEpochMilli());
		request.setSession(session);
		return request;
	}

	@Test
	void a_session_signed_in_within_the_absolute_timeout_reads_the_account_afresh() {
		when(this.accounts.byUsername("anna")).thenReturn(Optional.of(ANNA));
		MockHttpServletRequest request = signedInAt(NOW.minus(Duration.ofHours(11)));
		SecurityContext context = this.sessions.loadDeferredContext(request).get();
		assertThat(context.getAuthentication().getPrincipal()).isEqualTo(ANNA);
		assertThat(context.getAuthentication().isAuthenticated()).isTrue();
	}

	@Test
	void twelve_hours_after_the_sign_in_the_session_ends_however_busy_it_was() {
		when(this.accounts.byUsername("anna")).thenReturn(Optional.of(ANNA));
		MockHttpServletRequest request = signedInAt(NOW.minus(Duration.ofHours(12)).minusSeconds(1));
		MockHttpSession session = (MockHttpSession) request.getSession();
		assertThat(this.sessions.loadDeferredContext(request).isGenerated()).isTrue();
		assertThat(this.sessions.loadDeferredContext(request).get().getAuthentication()).isNull();
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void a_disabled_or_deleted_account_is_signed_out_at_its_next_request() {
		when(this.accounts.byUsername("anna")).thenReturn(Optional.of(new GrantsUser("anna", "hash", Role.STAFF,
				new PartnershipId("kreis-mettmann"), null, "Anna", null, false, null, false)));
		MockHttpServletRequest request = signedInAt(NOW);
		MockHttpSession session = (MockHttpSession) request.getSession();
		assertThat(this.sessions.loadDeferredContext(request).get().getAuthentication()).isNull();
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void a_request_with_its_own_credentials_never_reads_the_session() {
		MockHttpServletRequest request = signedInAt(NOW);
		request.addHeader("Authorization", "Basic eDp5");
		assertThat(this.sessions.loadDeferredContext(request).get().getAuthentication()).isNull();
		assertThat(this.sessions.containsContext(request)).isFalse();

		MockHttpServletRequest basic = new MockHttpServletRequest();
		basic.addHeader("Authorization", "Basic eDp5");
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(ANNA, null, ANNA.getAuthorities()));
		this.sessions.saveContext(context, basic, new MockHttpServletResponse());
		assertThat(basic.getSession(false)).as("no session made").isNull();
	}

	@Test
	void the_session_keeps_the_name_and_the_time_of_the_sign_in_only() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(ANNA, null, ANNA.getAuthorities()));
		this.sessions.saveContext(context, request, new MockHttpServletResponse());
		MockHttpSession session = (MockHttpSession) request.getSession(false);
		assertThat(Collections.list(session.getAttributeNames())).containsExactlyInAnyOrder(SessionSignIns.ACCOUNT,
				SessionSignIns.SIGNED_IN_AT, FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
		assertThat(session.getAttribute(SessionSignIns.ACCOUNT)).isEqualTo("anna");
		assertThat(session.getAttribute(SessionSignIns.SIGNED_IN_AT)).isEqualTo(NOW.toEpochMilli());
	}

}
