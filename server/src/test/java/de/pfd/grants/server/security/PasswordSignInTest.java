package de.pfd.grants.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.pfd.grants.persistence.DatabaseUnavailable;
import de.pfd.grants.shared.partnership.PartnershipId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The password sign-in on its own: shared checks, unknown names, a database that is gone.
 */
class PasswordSignInTest {

	private static final GrantsUser ANNA = new GrantsUser("anna", "hash-of-anna", Role.STAFF,
			new PartnershipId("kreis-mettmann"), null, "Anna", null, true, null, false);

	private final AccountStore accounts = mock(AccountStore.class);

	private final SignInThrottle throttle = new SignInThrottle(mock(SignInFailureNotice.class));

	private final VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5),
			new SimpleMeterRegistry());

	private static Authentication attempt(String user, String password) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(user,
				password);
		attempt.setDetails(new ClientAddress("192.0.2.1"));
		return attempt;
	}

	@Test
	void parallel_first_requests_with_the_same_credentials_share_one_hash_check() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger checks = new AtomicInteger();
		PasswordEncoder slow = new Slow(checks, release);
		when(this.accounts.loadUserByUsername("anna")).thenReturn(ANNA);
		PasswordSignIn signIn = new PasswordSignIn(this.accounts, slow, this.verified, this.throttle);
		checks.set(0);

		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Thread> threads = new ArrayList<>();
		List<Future<Authentication>> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results.add(pool.submit(() -> {
				synchronized (threads) {
					threads.add(Thread.currentThread());
				}
				return signIn.authenticate(attempt("anna", "richtig"));
			}));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			synchronized (threads) {
				return threads.size() == 4 && threads.stream()
					.allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
			}
		});
		release.countDown();
		for (Future<Authentication> result : results) {
			assertThat(result.get(10, TimeUnit.SECONDS).getPrincipal()).isEqualTo(ANNA);
		}
		pool.shutdown();
		assertThat(checks.get()).isEqualTo(1);
		// and the next one needs none
		assertThat(signIn.authenticate(attempt("anna", "richtig")).getPrincipal()).isEqualTo(ANNA);
		assertThat(checks.get()).isEqualTo(1);
	}

	@Test
	void an_unknown_name_is_checked_against_a_hash_and_refused_like_a_wrong_password() {
		AtomicInteger checks = new AtomicInteger();
		PasswordEncoder counting = new Slow(checks, new CountDownLatch(0));
		when(this.accounts.loadUserByUsername("nobody")).thenThrow(new UsernameNotFoundException("unknown"));
		PasswordSignIn signIn = new PasswordSignIn(this.accounts, counting, this.verified, this.throttle);
		checks.set(0);
		assertThatThrownBy(() -> signIn.authenticate(attempt("nobody", "x")))
			.isInstanceOf(BadCredentialsException.class)
			.hasMessage(PasswordSignIn.WRONG);
		assertThat(checks.get()).isEqualTo(1);
	}

	@Test
	void a_database_that_is_gone_is_no_failed_sign_in() {
		when(this.accounts.loadUserByUsername("anna")).thenThrow(new CannotGetJdbcConnectionException("gone"));
		PasswordSignIn signIn = new PasswordSignIn(this.accounts, new Slow(new AtomicInteger(), new CountDownLatch(0)),
				this.verified, this.throttle);
		for (int i = 0; i < 10; i++) {
			assertThatThrownBy(() -> signIn.authenticate(attempt("anna", "richtig")))
				.isInstanceOf(InternalAuthenticationServiceException.class)
				.satisfies(ex -> assertThat(DatabaseUnavailable.causedBy(ex)).isTrue());
		}
		this.throttle.check("anna", new ClientAddress("192.0.2.1"));
	}

	/** A password hash that waits for the test; "richtig" matches "hash-of-anna". */
	private static final class Slow implements PasswordEncoder {

		private final AtomicInteger checks;

		private final CountDownLatch release;

		Slow(AtomicInteger checks, CountDownLatch release) {
			this.checks = checks;
			this.release = release;
		}

		@Override
		public String encode(CharSequence raw) {
			return "hash-of-" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.checks.incrementAndGet();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "richtig".contentEquals(raw) && "hash-of-anna".equals(encoded);
		}

	}

}
