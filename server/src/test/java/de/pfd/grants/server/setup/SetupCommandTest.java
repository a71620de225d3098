package de.pfd.grants.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.GrantsServerApplication;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * A real installation: the production profile starts with no account at all (no demo
 * account outside the demo profile); the documented set-up creates exactly one
 * administrator, who signs in with the e-mail address; a second set-up changes nothing.
 */
class SetupCommandTest {

	static final String PASSWORD = "Wasserturm-Abend-2026";

	@Test
	void a_fresh_installation_has_no_account_and_the_set_up_creates_exactly_one_administrator() {
		TestDatabase.Choice database = TestDatabase.choose();
		List<String> db = List.of("--grants.test.database=false", "--spring.profiles.active=postgres",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password());
		JdbcTemplate jdbc = new JdbcTemplate(
				new DriverManagerDataSource(database.url(), database.user(), database.password()));

		try (ConfigurableApplicationContext server = start(db)) {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isZero();
			assertThat(api(server).get("staff", "/api/funds").status()).as("no demo account").isEqualTo(401);
		}

		assertThat(Setup.run(setup(db, "Leitung@Example.org", PASSWORD))).isZero();
		assertThat(jdbc.queryForList("SELECT username FROM app_user WHERE administrator", String.class)).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(1);

		// once there is an administrator, the set-up changes nothing
		assertThat(Setup.run(setup(db, "zweite@example.org", "Wasserturm-Morgen-2027"))).isEqualTo(3);
		assertThat(Setup.run(setup(db, "dritte@example.org", "password1234"))).as("a common password").isEqualTo(2);
		assertThat(Setup.run(new String[] { "setup", "--partnership-id", "pfd-ratingen" })).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(1);

		try (ConfigurableApplicationContext server = start(db)) {
			Api api = api(server);
			JsonNode me = Api.ok(api.get("leitung@example.org:" + PASSWORD, "/api/account"));
			assertThat(me.get("administrator").asBoolean()).isTrue();
			assertThat(me.get("role").asText()).isEqualTo("STAFF");
			assertThat(Api.ok(api.get(null, "/api/partnerships")).findValuesAsText("id"))
				.containsExactly("pfd-ratingen");
			Api.Response invited = api.post("leitung@example.org:" + PASSWORD, "/api/accounts",
					"{\"email\":\"kollegin@example.org\",\"displayName\":\"Kollegin\",\"role\":\"STAFF\"}");
			assertThat(invited.status()).as(invited.body()).isEqualTo(201);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'kollegin@example.org'",
					Integer.class))
				.isEqualTo(1);

			// the first administrator runs the installation: a second partnership with
			// its
			// own first administrator, who sees only that partnership
			String leitung = "leitung@example.org:" + PASSWORD;
			String mettmann = "{\"id\":\"pfd-mettmann\",\"name\":\"PfD Mettmann\",\"adminEmail\":\"chefin@example.org\","
					+ "\"adminDisplayName\":\"Chefin\"}";
			Api.Response created = api.post(leitung, "/api/partnerships", mettmann);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			Api.assertCode(api.post(leitung, "/api/partnerships", mettmann), 409, "PARTNERSHIP_ALREADY_EXISTS");
			Api.assertProblem(api.post(leitung, "/api/partnerships", mettmann.replace("pfd-mettmann", "PfD Mettmann")),
					400, "id");
			String token = jdbc
				.queryForObject("SELECT body FROM mail_outbox WHERE recipient = 'chefin@example.org'", String.class)
				.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
			assertThat(api
				.post(null, "/api/password-resets/confirmation",
						"{\"token\":\"" + token + "\",\"password\":\"Rathausplatz-Sommer-31\"}")
				.status()).isEqualTo(200);
			String chefin = "chefin@example.org:Rathausplatz-Sommer-31";
			JsonNode other = Api.ok(api.get(chefin, "/api/account"));
			assertThat(other.get("administrator").asBoolean()).isTrue();
			assertThat(Api.ok(api.get(chefin, "/api/accounts")).findValuesAsText("email"))
				.containsExactly("chefin@example.org");
			assertThat(Api.ok(api.get(chefin, Api.DECISION_BODIES)).findValuesAsText("id"))
				.allMatch(id -> id.startsWith("pfd-mettmann"))
				.hasSize(2);
			// a partnership's administrator is no platform administrator
			Api.assertProblem(api.post(chefin, "/api/partnerships",
					mettmann.replace("pfd-mettmann", "pfd-drei").replace("chefin@", "drei@")), 403, null);
		}
	}

	private static String[] setup(List<String> db, String email, String password) {
		List<String> args = new ArrayList<>(List.of("setup", "--partnership-id", "pfd-ratingen", "--partnership-name",
				"Partnerschaft für Demokratie Ratingen", "--admin-email", email, "--admin-password", password));
		args.addAll(db);
		return args.toArray(String[]::new);
	}

	private static ConfigurableApplicationContext start(List<String> db) {
		List<String> args = new ArrayList<>(db);
		args.add("--server.port=0");
		return new SpringApplicationBuilder(GrantsServerApplication.class).run(args.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext server) {
		return new Api(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
	}

}
