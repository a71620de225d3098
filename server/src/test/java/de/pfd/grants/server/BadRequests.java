package de.pfd.grants.server;

import static de.pfd.grants.server.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/** A corpus of bad requests, a dynamic test each. */
public final class BadRequests {

	private BadRequests() {
	}

	/**
	 * One bad request: who posts what where, and the expected problem (the field and the
	 * code may be null: not checked).
	 */
	public record Bad(String what, String user, String path, String body, int status, String field, String code) {
	}

	/**
	 * A test per case: the request is answered with the expected problem, naming the
	 * field and the code, and the count of stored events stays as it was.
	 */
	public static Stream<DynamicTest> refused(Api api, LongSupplier events, List<Bad> cases) {
		return cases.stream().map(bad -> DynamicTest.dynamicTest(bad.what(), () -> {
			long before = events.getAsLong();

			Api.Response response = api.post(bad.user(), bad.path(), bad.body());

			assertProblem(response, bad.status(), bad.field());
			if (bad.code() != null) {
				assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(bad.code());
			}
			assertThat(events.getAsLong()).as("events stored").isEqualTo(before);
		}));
	}

}
