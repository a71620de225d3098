package de.pfd.grants.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import de.pfd.grants.server.Api;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * A benchmark, not a test (tag {@code benchmark}, left out of the normal suite): how much
 * server CPU an authenticated API request costs after the first one, with remembered HTTP
 * Basic credentials and with a personal access token. The server runs as a process of its
 * own; its CPU time (user + system, from /proc) over the requests, minus what it used
 * idle for as long, divided by the requests. Prints the figures; run with
 * {@code ./mvnw -B verify -pl server -am -Pbenchmark -Dtest=SignInCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class SignInCostBenchmark {

	private static final int WARM_UP = 3000;

	private static final int REQUESTS = 3000;

	@Test
	void cpu_per_authenticated_request() throws Exception {
		TestDatabase.Choice database = TestDatabase.choose();
		try (ServerProcess server = ServerProcess.start(database, "sign-in-cost-benchmark").awaitUp()) {
			Api api = server.api();
			String path = Api.fund("kreis-mettmann-action-fund-2019");
			String token = api.post("staff", "/api/account/tokens", "{\"name\":\"benchmark\",\"expiresInDays\":1}")
				.json()
				.get("token")
				.asText();
			double basic = perRequest(server, () -> api.get("staff", path));
			double bearer = perRequest(server, () -> api.getWithBearer(token, path));
			System.out.printf(
					"[benchmark] server CPU per authenticated GET %s after the first: "
							+ "HTTP Basic %.3f ms, access token %.3f ms (%d requests each, machine load %s)%n",
					path, basic, bearer, REQUESTS, Files.readString(Path.of("/proc/loadavg")).strip());
		}
	}

	private static double perRequest(ServerProcess server, Request request) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			assertThat(request.send().status()).isEqualTo(200);
		}
		long cpuBefore = cpuMillis(server.pid());
		long start = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			assertThat(request.send().status()).isEqualTo(200);
		}
		long elapsed = System.nanoTime() - start;
		long busy = cpuMillis(server.pid()) - cpuBefore;
		long idleBefore = cpuMillis(server.pid());
		Thread.sleep(elapsed / 1_000_000);
		long idle = cpuMillis(server.pid()) - idleBefore;
		return Math.max(0, busy - idle) / (double) REQUESTS;
	}

	/** utime + stime of the process in milliseconds (clock ticks of 10 ms). */
	private static long cpuMillis(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
	}

	interface Request {

		Api.Response send();

	}

}
