package de.pfd.grants.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;

/**
 * The start page and the navigation lead each user group to its own areas and to none of
 * the others'; the workspace's addresses answer 403 to the wrong role.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class WorkspaceStartPageTest extends ApiTestSupport {

	@Test
	void members_are_led_to_their_votes_and_resolutions() {
		Api.Response page = this.api.get("board1", "/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"/entscheidungen\"", "href=\"/entscheidungen/beschluesse\"")
			.doesNotContain("href=\"/aufgaben\"", "href=\"/verwaltung\"", "href=\"/pruefung\"",
					"id=\"zu-den-antraegen\"");
	}

	@Test
	void staff_are_led_to_every_area_of_the_office() {
		Api.Response page = this.api.get("staff", "/");
		assertThat(page.body())
			.contains("href=\"/aufgaben\"", "href=\"/bearbeitung\"", "href=\"/sitzungen\"", "href=\"/fonds\"",
					"href=\"/pruefung\"", "href=\"/pruefung/exporte\"", "href=\"/verwaltung\"")
			.doesNotContain("href=\"/entscheidungen\"");
	}

	@Test
	void auditors_are_led_to_the_figures_and_the_history_only() {
		Api.Response page = this.api.get("auditor", "/");
		assertThat(page.body()).contains("href=\"/fonds\"", "href=\"/pruefung\"", "href=\"/pruefung/exporte\"")
			.doesNotContain("href=\"/aufgaben\"", "href=\"/verwaltung\"", "href=\"/sitzungen\"",
					"href=\"/entscheidungen\"");
	}

	@Test
	void the_workspace_refuses_the_wrong_role() {
		assertThat(this.api.get("staff", "/entscheidungen").status()).isEqualTo(403);
		assertThat(this.api.get("auditor", "/aufgaben").status()).isEqualTo(403);
		assertThat(this.api.get("board1", "/fonds").status()).isEqualTo(403);
		assertThat(this.api.get("board1", "/pruefung").status()).isEqualTo(403);
	}

}
