package de.pfd.grants.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A session that cannot be read because the database is gone: 503, not 500. */
class DatabaseGoneFilterTest {

	private final DatabaseGoneFilter filter = new DatabaseGoneFilter(new ObjectMapper());

	@Test
	void a_lost_database_under_the_session_filter_is_answered_503_with_retry_after() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/api/funds"), response, (request, r) -> {
			throw new CannotGetJdbcConnectionException("gone");
		});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("UNAVAILABLE");
	}

	@Test
	void any_other_failure_passes_through() {
		assertThatThrownBy(() -> this.filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
				(request, r) -> {
					throw new IllegalStateException("bug");
				}))
			.isInstanceOf(IllegalStateException.class);
	}

}
