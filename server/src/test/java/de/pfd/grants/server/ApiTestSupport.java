package de.pfd.grants.server;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every API test works with: the client on the server's random port, the fixture
 * builders on it, and the count of stored events.
 * <p>
 * No Spring annotation here on purpose: each test class names its context itself, and the
 * API tests all name the same one ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * and nothing else), so that Spring's context cache starts one server for all of them.
 */
public abstract class ApiTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected Api api;

	protected Funds funds;

	protected Applications applications;

	protected Grants grants;

	@BeforeEach
	void client() {
		// the years for funds are counted per context: its database is its own
		TestYears.forContext(this.jdbc.getDataSource());
		this.api = new Api(this.port);
		this.funds = new Funds(this.api);
		this.applications = new Applications(this.api);
		this.grants = new Grants(this.api);
	}

	/** The number of events in the store. */
	protected long events() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
	}

}
