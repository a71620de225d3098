package de.pfd.grants.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;

/**
 * Broken bodies sent to every write endpoint that takes one, each as the role that may
 * write there: none is answered 5xx, none stores anything, and the process's memory stays
 * bounded over the whole corpus.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileCorpusApiTest extends ApiTestSupport {

	/** Memory the server may keep after the corpus (it holds no broken body). */
	private static final long MEMORY_BOUND = 100L * 1024 * 1024;

	/** An endpoint, the role that writes there, and a text field it takes. */
	private record Endpoint(String method, String path, String user, String textField) {
	}

	private List<Endpoint> endpoints() {
		int year = TestYears.next();
		String fund = this.funds.open("ACTION_FUND", year, "35000.00", "5000.00", "500.00");
		String draft = this.applications.draft("applicant1", Drafts.complete(fund, year));
		String ready = this.applications.ready("applicant2", Drafts.complete(fund, year));
		String body = "kreis-mettmann-steering-board";
		return List.of(new Endpoint("POST", "/api/funds", "staff", "partnershipId"),
				new Endpoint("POST", Api.budgetAdjustments(fund), "staff", "reason"),
				new Endpoint("POST", "/api/applications", "applicant1", "title"),
				new Endpoint("PUT", Api.application(draft), "applicant1", "summary"),
				new Endpoint("POST", Api.withdrawal(draft), "applicant1", "reason"),
				new Endpoint("POST", Api.formalCheck(ready), "staff", "note"),
				new Endpoint("POST", Api.voting(ready), "staff", "procedure"),
				new Endpoint("POST", Api.votes(ready), "board1", "vote"),
				new Endpoint("POST", Api.recusal(ready), "board1", "reason"),
				new Endpoint("POST", Api.closure(ready), "staff", "conditions"),
				new Endpoint("POST", Api.fastTrack(ready), "staff", "note"),
				new Endpoint("POST", Api.grantNotice(ready), "staff", "reference"),
				new Endpoint("POST", Api.payoutRequests(ready), "applicant2", "purpose"),
				new Endpoint("POST", Api.payouts(ready), "staff", "reference"),
				new Endpoint("POST", Api.proofOfUse(ready), "applicant2", "report"),
				new Endpoint("POST", Api.review(ready), "staff", "note"),
				new Endpoint("POST", Api.refunds(ready), "staff", "receivedOn"),
				new Endpoint("POST", Api.members(body), "staff", "username"),
				new Endpoint("PUT", Api.rules(body), "staff", "quorumPercent"),
				new Endpoint("POST", "/api/organisations", "staff", "name"),
				new Endpoint("POST", "/api/organisations/demo-jugendtreff-erkrath/members", "staff", "username"),
				new Endpoint("POST", "/api/organisations/demo-jugendtreff-erkrath/merge", "staff", "into"));
	}

	/** Broken bodies for an endpoint: malformed, mistyped, poisoned, oversized. */
	private static List<byte[]> corpus(Endpoint endpoint) {
		String f = endpoint.textField();
		List<String> texts = List.of("{\"" + f + "\":", "[1,2,3]", "\"" + f + "\"", "{\"zzz-unknown\":1}",
				"{\"" + f + "\":\"a\\u0000b\"}", "{\"" + f + "\":\"a\\u0007b\\u009fc\"}",
				"{\"" + f + "\":\"a\\ud800\"}", "{\"" + f + "\":\"x\",\"" + f + "\":\"y\"}", "{\"" + f + "\":1e999999}",
				"{\"" + f + "\":NaN}", "{\"" + f + "\":\"\\u12\"}", "[".repeat(5000) + "]".repeat(5000));
		List<byte[]> bodies = new ArrayList<>();
		texts.forEach(t -> bodies.add(t.getBytes(StandardCharsets.UTF_8)));
		bodies.add(withBytes("{\"" + f + "\":\"a", new byte[] { (byte) 0xC0, (byte) 0xAF }, "\"}"));
		bodies.add(withBytes("{\"" + f + "\":\"a", new byte[] { 0x01 }, "\"}"));
		return bodies;
	}

	private static byte[] withBytes(String before, byte[] raw, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(raw);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	@Test
	void broken_bodies_to_every_write_endpoint_are_refused_store_nothing_and_keep_memory_bounded() {
		List<Endpoint> endpoints = endpoints();
		byte[] huge = ("{\"zzz\":\"" + "x".repeat(JsonBodyLimits.MAX_BYTES + 100_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		long memoryBefore = usedMemory();
		long eventsBefore = events();
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints) {
			List<byte[]> bodies = new ArrayList<>(corpus(endpoint));
			bodies.add(huge);
			for (byte[] body : bodies) {
				Api.Response response = this.api.bytes(endpoint.user(), endpoint.method(), endpoint.path(), body);
				statuses.merge(response.status(), 1, Integer::sum);
				sent++;
				if (response.status() < 400 || response.status() >= 500 || !response.isProblem()) {
					failures.add(endpoint.method() + " " + endpoint.path() + " "
							+ new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8) + " -> "
							+ response.status());
				}
			}
		}
		long memoryAfter = usedMemory();
		System.out.printf("[corpus] %d broken requests to %d endpoints: %s; memory %d MiB -> %d MiB%n", sent,
				endpoints.size(), statuses, memoryBefore >> 20, memoryAfter >> 20);

		assertThat(sent).isGreaterThanOrEqualTo(200);
		assertThat(failures).as("answered other than a 4xx problem").isEmpty();
		assertThat(events()).as("nothing stored").isEqualTo(eventsBefore);
		assertThat(memoryAfter - memoryBefore).as("memory kept after the corpus").isLessThan(MEMORY_BOUND);
	}

	private static long usedMemory() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
