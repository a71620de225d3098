package de.pfd.grants.server.workspace.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GETs whose answers are files: status, content type, content disposition and bytes (the
 * {@code Api} client reads no Content-Disposition). HTTP Basic with the password
 * {@code demo}.
 */
final class Downloads {

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	Downloads(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	record File(int status, String contentType, String disposition, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	File get(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new File(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("Content-Disposition").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
