package de.pfd.grants.server.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;

/**
 * The type of an upload, detected from its bytes (Apache Tika's magic numbers), never
 * from its name or the type the client claims: an executable renamed to
 * {@code angebot.pdf} is what it is. Allowed are PDF, JPEG and PNG.
 */
@Component
public class DocumentTypes {

	/** The allowed media types, with the name people know them by. */
	static final Map<String, String> ALLOWED = Map.of("application/pdf", "PDF", "image/jpeg", "JPEG", "image/png",
			"PNG");

	private final Detector detector = new DefaultDetector();

	/** The media type of the content, e.g. {@code application/pdf}. */
	public String detect(byte[] content) {
		// no file name in the metadata: only the content decides
		try (ByteArrayInputStream in = new ByteArrayInputStream(content)) {
			return this.detector.detect(in, new Metadata()).getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static boolean allowed(String mediaType) {
		return ALLOWED.containsKey(mediaType);
	}

}
