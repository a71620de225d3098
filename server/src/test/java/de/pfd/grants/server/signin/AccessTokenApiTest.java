package de.pfd.grants.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;

/**
 * Personal access tokens: made with the password, shown once, stored as a hash, used as
 * {@code Authorization: Bearer}, listed without the secret, revoked; expired and revoked
 * ones sign nobody in, another account's are not there, and a token request never gets a
 * session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessTokenApiTest extends ApiTestSupport {

	private static final String TOKENS = "/api/account/tokens";

	private Web web;

	@BeforeEach
	void client() {
		this.web = new Web(this.port);
	}

	private JsonNode create(String user, String name, int days) {
		Web.Page made = this.web.postJson(TOKENS, "{\"name\":\"" + name + "\",\"expiresInDays\":" + days + "}",
				"Authorization", Web.basic(user, "demo"));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		return made.json();
	}

	private static String bearer(JsonNode token) {
		return "Bearer " + token.get("token").asText();
	}

	@Test
	void a_token_is_shown_once_stored_as_its_hash_and_signs_in_api_calls() throws Exception {
		Web.Page made = this.web.postJson(TOKENS, "{\"name\":\"Auswertung\",\"expiresInDays\":30}", "Authorization",
				Web.basic("auditor", "demo"));
		assertThat(made.status()).isEqualTo(201);
		JsonNode token = made.json();
		String id = token.get("id").asText();
		assertThat(made.header("Location")).hasValue(TOKENS + "/" + id);
		assertThat(made.header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		assertThat(token.get("token").asText()).startsWith("pfd_").hasSize(47);
		assertThat(token.get("name").asText()).isEqualTo("Auswertung");
		assertThat(token.get("expiresAt").asText()).isNotBlank();

		String stored = this.jdbc.queryForObject("SELECT token_hash FROM access_token WHERE id = ?", String.class, id);
		assertThat(stored).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.get("token").asText().getBytes(StandardCharsets.UTF_8))));
		assertThat(this.jdbc.queryForList("SELECT * FROM access_token WHERE id = ?", id).get(0).values())
			.noneMatch(value -> String.valueOf(value).contains(token.get("token").asText().substring(4)));

		Web.Page funds = this.web.get(Api.FUNDS, "Authorization", bearer(token));
		assertThat(funds.status()).isEqualTo(200);
		assertThat(funds.sessionCookie()).as("no session for a token").isEmpty();
		// the account's role holds: an auditor opens no fund
		Web.Page write = this.web.postJson(Api.FUNDS, "{\"type\":\"ACTION_FUND\",\"year\":2030,\"budget\":1.00}",
				"Authorization", bearer(token));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.sessionCookie()).isEmpty();
	}

	@Test
	void the_list_shows_the_own_tokens_without_their_secrets_and_when_they_were_last_used() {
		JsonNode token = create("board3", "Kalender", 7);
		this.web.get(Api.FUNDS, "Authorization", bearer(token));

		Web.Page list = this.web.get(TOKENS, "Authorization", Web.basic("board3", "demo"));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(token.get("token").asText()).doesNotContain("\"token\"");
		JsonNode mine = find(list.json(), token.get("id").asText());
		assertThat(mine.get("name").asText()).isEqualTo("Kalender");
		assertThat(mine.get("lastUsedAt").isNull()).isFalse();
		assertThat(mine.get("expired").asBoolean()).isFalse();
		// the token lists itself too, and reads itself
		assertThat(this.web.get(TOKENS + "/" + token.get("id").asText(), "Authorization", bearer(token)).status())
			.isEqualTo(200);
	}

	@Test
	void a_revoked_token_signs_nobody_in() {
		JsonNode token = create("applicant1", "Import", 30);
		String id = token.get("id").asText();
		assertThat(this.web.get(Api.FUNDS, "Authorization", bearer(token)).status()).isEqualTo(200);

		assertThat(this.web.delete(TOKENS + "/" + id, "Authorization", Web.basic("applicant1", "demo")).status())
			.isEqualTo(204);

		Web.Page refused = this.web.get(Api.FUNDS, "Authorization", bearer(token));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).hasValue("Bearer realm=\"grants\", error=\"invalid_token\"");
		assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertThat(this.web.delete(TOKENS + "/" + id, "Authorization", Web.basic("applicant1", "demo")).status())
			.isEqualTo(404);
		assertThat(ids(this.web.get(TOKENS, "Authorization", Web.basic("applicant1", "demo")).json()))
			.doesNotContain(id);
	}

	@Test
	void another_accounts_token_is_not_there() {
		JsonNode token = create("applicant1", "Mein Token", 30);
		String id = token.get("id").asText();
		String other = Web.basic("applicant2", "demo");
		assertThat(this.web.delete(TOKENS + "/" + id, "Authorization", other).status()).isEqualTo(404);
		assertThat(this.web.get(TOKENS + "/" + id, "Authorization", other).status()).isEqualTo(404);
		assertThat(ids(this.web.get(TOKENS, "Authorization", other).json())).doesNotContain(id);
		assertThat(this.web.get(Api.FUNDS, "Authorization", bearer(token)).status()).as("still valid").isEqualTo(200);
	}

	@Test
	void an_expired_token_signs_nobody_in_and_is_listed_as_expired() {
		JsonNode token = create("youth2", "Kurz", 1);
		String id = token.get("id").asText();
		this.jdbc.update("UPDATE access_token SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' MINUTE WHERE id = ?",
				id);
		assertThat(this.web.get(Api.FUNDS, "Authorization", bearer(token)).status()).isEqualTo(401);
		JsonNode listed = find(this.web.get(TOKENS, "Authorization", Web.basic("youth2", "demo")).json(), id);
		assertThat(listed.get("expired").asBoolean()).isTrue();
	}

	@Test
	void a_token_cannot_make_another_token() {
		JsonNode token = create("applicant3", "Skript", 30);
		Web.Page refused = this.web.postJson(TOKENS, "{\"name\":\"noch eins\",\"expiresInDays\":365}", "Authorization",
				bearer(token));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Passwort");
	}

	@Test
	void garbage_and_unknown_tokens_are_401() {
		for (String value : List.of("Bearer nonsense", "Bearer pfd_" + "A".repeat(43), "Bearer ", "bearer x")) {
			Web.Page refused = this.web.get(Api.FUNDS, "Authorization", value);
			assertThat(refused.status()).as(value).isEqualTo(401);
			assertThat(refused.sessionCookie()).isEmpty();
		}
	}

	@Test
	void a_token_request_that_also_brings_a_session_cookie_is_signed_in_by_the_token_alone() {
		this.web.signIn("staff", "demo");
		JsonNode token = create("applicant2", "Zwei Wege", 30);
		Web.Page answer = this.web.get(TOKENS, "Authorization", bearer(token));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(ids(answer.json())).contains(token.get("id").asText());
		assertThat(answer.sessionCookie()).isEmpty();
	}

	@Test
	void name_and_validity_are_checked_with_german_messages_per_field() {
		String basic = Web.basic("applicant1", "demo");
		record Case(String body, String field) {
		}
		for (Case bad : List.of(new Case("{\"expiresInDays\":30}", "name"),
				new Case("{\"name\":\"  \",\"expiresInDays\":30}", "name"),
				new Case("{\"name\":\"" + "x".repeat(101) + "\",\"expiresInDays\":30}", "name"),
				new Case("{\"name\":\"a\"}", "expiresInDays"),
				new Case("{\"name\":\"a\",\"expiresInDays\":0}", "expiresInDays"),
				new Case("{\"name\":\"a\",\"expiresInDays\":366}", "expiresInDays"),
				new Case("{\"name\":\"a\",\"expiresInDays\":\"30\"}", "expiresInDays"))) {
			Web.Page refused = this.web.postJson(TOKENS, bad.body(), "Authorization", basic);
			assertThat(refused.status()).as(bad.body()).isEqualTo(400);
			JsonNode errors = refused.json().get("errors");
			assertThat(errors).as(refused.body()).isNotNull();
			assertThat(errors.get(0).get("field").asText()).isEqualTo(bad.field());
		}
		Web.Page tooLong = this.web.postJson(TOKENS, "{\"name\":\"" + "x".repeat(101) + "\",\"expiresInDays\":30}",
				"Authorization", basic);
		assertThat(tooLong.json().get("errors").get(0).get("message").asText()).startsWith("höchstens 100 Zeichen");
		Web.Page tooMany = this.web.postJson(TOKENS, "{\"name\":\"a\",\"expiresInDays\":366}", "Authorization", basic);
		assertThat(tooMany.json().get("errors").get(0).get("message").asText()).startsWith("höchstens 365 Tage");
		assertThat(this.web
			.postJson(TOKENS, "{\"name\":\"" + "x".repeat(100) + "\",\"expiresInDays\":365}", "Authorization", basic)
			.status()).isEqualTo(201);
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode token : list) {
			if (token.get("id").asText().equals(id)) {
				return token;
			}
		}
		throw new AssertionError("token " + id + " not listed: " + list);
	}

	private static List<String> ids(JsonNode list) {
		return java.util.stream.StreamSupport.stream(list.spliterator(), false)
			.map(token -> token.get("id").asText())
			.toList();
	}

}
