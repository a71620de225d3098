package de.pfd.grants.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** When a write counts as sent for a foreign page. */
class CrossSiteRequestsTest {

	private static MockHttpServletRequest post(String... headers) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/funds/x/closure");
		request.setServerName("grants.example.de");
		request.setServerPort(443);
		request.setScheme("https");
		for (int i = 0; i < headers.length; i += 2) {
			request.addHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	@Test
	void sec_fetch_site_decides_where_a_browser_sends_it() {
		assertThat(CrossSiteRequests.crossSite(post("Sec-Fetch-Site", "same-origin"))).isFalse();
		assertThat(CrossSiteRequests.crossSite(post("Sec-Fetch-Site", "none"))).isFalse();
		assertThat(CrossSiteRequests.crossSite(post("Sec-Fetch-Site", "same-site"))).isTrue();
		assertThat(CrossSiteRequests.crossSite(post("Sec-Fetch-Site", "cross-site"))).isTrue();
		// it wins over an Origin that looks right
		assertThat(CrossSiteRequests
			.crossSite(post("Sec-Fetch-Site", "cross-site", "Origin", "https://grants.example.de"))).isTrue();
	}

	@Test
	void otherwise_the_origin_must_be_this_host_and_port() {
		assertThat(CrossSiteRequests.crossSite(post())).as("no browser").isFalse();
		assertThat(CrossSiteRequests.crossSite(post("Origin", "https://grants.example.de"))).isFalse();
		assertThat(CrossSiteRequests.crossSite(post("Origin", "https://GRANTS.example.de:443"))).isFalse();
		assertThat(CrossSiteRequests.crossSite(post("Origin", "https://grants.example.de:8443"))).isTrue();
		assertThat(CrossSiteRequests.crossSite(post("Origin", "https://evil.example"))).isTrue();
		assertThat(CrossSiteRequests.crossSite(post("Origin", "https://grants.example.de.evil.example"))).isTrue();
		assertThat(CrossSiteRequests.crossSite(post("Origin", "null"))).isTrue();
		assertThat(CrossSiteRequests.crossSite(post("Origin", "::not a url"))).isTrue();
	}

}
