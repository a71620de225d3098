package de.pfd.grants.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

	@Test
	void an_ipv4_address_counts_alone_and_an_ipv6_address_by_its_64_bit_network() {
		assertThat(ClientAddress.of("192.0.2.7").value()).isEqualTo("192.0.2.7");
		assertThat(ClientAddress.of("2001:db8:1:2:3:4:5:6")).isEqualTo(ClientAddress.of("2001:db8:1:2::9"));
		assertThat(ClientAddress.of("2001:db8:1:2::9")).isNotEqualTo(ClientAddress.of("2001:db8:1:3::9"));
		assertThat(ClientAddress.of((String) null).value()).isEqualTo("unknown");
	}

}
