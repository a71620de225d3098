package de.pfd.grants.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a sign-in comes from, as the throttle counts it: the client's IPv4 address, or
 * the /64 network of an IPv6 address (one subscriber usually holds a whole /64). Behind a
 * reverse proxy the address is the one the proxy reports in {@code X-Forwarded-For},
 * taken only from the proxies {@code server.tomcat.remoteip.internal-proxies} trusts.
 */
public record ClientAddress(String value) {

	public static ClientAddress of(HttpServletRequest request) {
		return of(request.getRemoteAddr());
	}

	static ClientAddress of(String address) {
		if (address == null || address.isBlank()) {
			return new ClientAddress("unknown");
		}
		if (address.indexOf(':') < 0) {
			return new ClientAddress(address);
		}
		try {
			// a literal: no name lookup
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 16) {
				return new ClientAddress(HexFormat.of().formatHex(bytes, 0, 8) + "::/64");
			}
			return new ClientAddress(InetAddress.getByAddress(bytes).getHostAddress());
		}
		catch (UnknownHostException ex) {
			return new ClientAddress(address.toLowerCase(Locale.ROOT));
		}
	}

}
