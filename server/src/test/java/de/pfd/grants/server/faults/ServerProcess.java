package de.pfd.grants.server.faults;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.GrantsServerApplication;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * The server in a process of its own (so that a test can kill it with SIGKILL), on the
 * test database, with the demo data; its output goes to {@code target/<name>.log}.
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Api api;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
		this.api = new Api(port);
	}

	/** Starts a server on a free port. */
	static ServerProcess start(TestDatabase.Choice database, String name, String... arguments) throws IOException {
		return start(database, freePort(), name, arguments);
	}

	/**
	 * Starts a server on the port; further arguments (e.g. {@code --some.property=value})
	 * come last and win.
	 */
	static ServerProcess start(TestDatabase.Choice database, int port, String name, String... arguments)
			throws IOException {
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m",
				"-Daxoniq.update-checker.disabled=true", "-cp", classpath, GrantsServerApplication.class.getName(),
				"--grants.test.database=false", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--server.port=" + port));
		// the demo data unless the caller names its own profiles
		if (Arrays.stream(arguments).noneMatch(argument -> argument.startsWith("--spring.profiles.active="))) {
			command.add("--spring.profiles.active=demo");
		}
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File("target/" + name + ".log"))
			.start();
		return new ServerProcess(process, port);
	}

	/** Waits until the server answers with the demo funds. */
	ServerProcess awaitUp() {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.failFast("the server exited", () -> !this.process.isAlive())
			.ignoreExceptions()
			.until(() -> {
				Api.Response funds = this.api.get("staff", "/api/funds");
				return funds.status() == 200 && funds.body().contains("kreis-mettmann-youth-fund-2019");
			});
		return this;
	}

	/** Waits until the server is up and healthy (for a server without the demo data). */
	ServerProcess awaitHealthy() {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.failFast("the server exited", () -> !this.process.isAlive())
			.ignoreExceptions()
			.until(() -> this.api.get(null, "/actuator/health").status() == 200);
		return this;
	}

	Api api() {
		return this.api;
	}

	int port() {
		return this.port;
	}

	/** The process id, which is part of the names Axon and db-scheduler record. */
	long pid() {
		return this.process.pid();
	}

	/** SIGKILL: no shutdown hook runs, nothing is released. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
