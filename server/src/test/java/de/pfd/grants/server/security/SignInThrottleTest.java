package de.pfd.grants.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.partnership.PartnershipId;
import io.github.bucket4j.TimeMeter;

/** The back-off ladder on a clock of the test's own. */
class SignInThrottleTest {

	private final Clock clock = new Clock();

	private final SignInFailureNotice notice = mock(SignInFailureNotice.class);

	private final SignInThrottle throttle = new SignInThrottle(this.clock, this.notice);

	private final ClientAddress here = new ClientAddress("192.0.2.1");

	private static final GrantsUser ANNA = new GrantsUser("anna", "hash", Role.APPLICANT,
			new PartnershipId("kreis-mettmann"), null, "Anna", null, true, null, false);

	private void fail(String user, ClientAddress from, GrantsUser account) {
		this.throttle.check(user, from);
		this.throttle.begin(user, from);
		this.throttle.failed(user, from, account);
	}

	private long refusedFor(String user, ClientAddress from) {
		SignInThrottled refused = catchThrowableOfType(SignInThrottled.class, () -> this.throttle.check(user, from));
		assertThat(refused).as("refused").isNotNull();
		SignInThrottled alsoRefused = catchThrowableOfType(SignInThrottled.class,
				() -> this.throttle.begin(user, from));
		assertThat(alsoRefused).isNotNull();
		return refused.retryAfterSeconds();
	}

	@Test
	void five_failures_are_free_then_every_further_one_waits_about_twice_as_long() {
		for (int i = 0; i < 5; i++) {
			fail("anna", this.here, null);
		}
		List<Long> waits = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			long wait = refusedFor("anna", this.here);
			waits.add(wait);
			this.clock.advance(Duration.ofSeconds(wait));
			fail("anna", this.here, null);
		}
		assertThat(waits).containsExactly(60L, 60L, 120L, 240L, 480L);
	}

	@Test
	void half_an_hour_without_failures_forgets_them() {
		for (int i = 0; i < 5; i++) {
			fail("anna", this.here, null);
		}
		this.clock.advance(Duration.ofMinutes(32));
		for (int i = 0; i < 5; i++) {
			fail("anna", this.here, null);
		}
		assertThat(refusedFor("anna", this.here)).isBetween(1L, 60L);
	}

	@Test
	void the_right_password_forgives_the_accounts_failures() {
		for (int i = 0; i < 4; i++) {
			fail("anna", this.here, null);
		}
		this.throttle.begin("anna", this.here);
		this.throttle.succeeded("anna", this.here);
		for (int i = 0; i < 5; i++) {
			fail("anna", this.here, null);
		}
		refusedFor("anna", this.here);
	}

	@Test
	void names_are_counted_without_regard_to_case() {
		for (int i = 0; i < 5; i++) {
			fail(i % 2 == 0 ? "Anna" : "ANNA", this.here, null);
		}
		refusedFor("anna", this.here);
	}

	@Test
	void thirty_failures_from_one_address_stop_every_name_from_there_and_no_other_address() {
		for (int i = 0; i < 30; i++) {
			fail("name-" + i, this.here, null);
		}
		assertThat(refusedFor("staff", this.here)).isBetween(1L, 60L);
		assertThatNoException().isThrownBy(() -> this.throttle.check("staff", new ClientAddress("192.0.2.2")));
	}

	@Test
	void a_check_that_could_not_run_is_not_a_failure() {
		for (int i = 0; i < 20; i++) {
			this.throttle.begin("anna", this.here);
			this.throttle.abandoned("anna", this.here);
		}
		assertThatNoException().isThrownBy(() -> this.throttle.check("anna", this.here));
	}

	@Test
	void the_owner_is_told_when_the_back_off_starts_at_most_once_an_hour_and_only_for_an_account() {
		for (int i = 0; i < 4; i++) {
			fail("anna", this.here, ANNA);
		}
		verify(this.notice, never()).send(any(), any());
		fail("anna", this.here, ANNA);
		verify(this.notice, times(1)).send(ANNA, this.here);

		this.clock.advance(Duration.ofMinutes(1));
		fail("anna", this.here, ANNA);
		this.clock.advance(Duration.ofMinutes(1));
		fail("anna", this.here, ANNA);
		verify(this.notice, times(1)).send(any(), any());

		this.clock.advance(Duration.ofMinutes(61));
		for (int i = 0; i < 5; i++) {
			fail("anna", this.here, ANNA);
		}
		verify(this.notice, times(2)).send(ANNA, this.here);

		for (int i = 0; i < 5; i++) {
			fail("ghost", new ClientAddress("192.0.2.9"), null);
		}
		verify(this.notice, times(2)).send(any(), any());
	}

	@Test
	void the_ladders_double_their_periods() {
		assertThat(SignInThrottle.PER_ACCOUNT).extracting(SignInThrottle.Rung::period)
			.containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
					Duration.ofMinutes(16), Duration.ofMinutes(32));
		assertThat(SignInThrottle.PER_ACCOUNT).extracting(SignInThrottle.Rung::failures)
			.containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(SignInThrottle.PER_ADDRESS.get(0).failures()).isEqualTo(30);
	}

	/** Time as the test says. */
	static final class Clock implements TimeMeter {

		private long nanos = 1_000_000_000L;

		void advance(Duration duration) {
			this.nanos += duration.toNanos();
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos;
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
