package de.pfd.grants.persistence.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import de.pfd.grants.shared.privacy.PersonalData;

/**
 * Encrypts one personal text with its subject's key: AES-256-GCM with a random 96-bit IV
 * and the subject as associated data (a ciphertext moved to another subject does not
 * decrypt), stored as {@code pd1:<subject>:<base64(iv || ciphertext || tag)>}. A text of
 * an erased subject is stored, and read, as {@link PersonalData#ERASED}.
 * <p>
 * Reading also understands {@code pd0:<subject>:<base64(text)>}: a text of an event
 * stored before encryption, tagged with its subject by the upcaster (it reads as erased
 * once the subject is), and a plain text (an event not migrated and not upcast: as it
 * is).
 */
public class PersonalDataCipher {

	public static final String ENCRYPTED = "pd1:";

	public static final String LEGACY = "pd0:";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	/** A JSON string in a stored form: no escapes in it, as none are ever written. */
	private static final Pattern STORED_STRING = Pattern.compile("\"(pd[01]:[^\"\\\\]+)\"");

	private final SubjectKeys keys;

	private final SecureRandom random = new SecureRandom();

	public PersonalDataCipher(SubjectKeys keys) {
		this.keys = keys;
	}

	public SubjectKeys keys() {
		return this.keys;
	}

	/** The stored form of a subject's personal text. */
	public String encrypt(String subject, String text) {
		if (text == null) {
			return null;
		}
		Optional<SecretKey> key = this.keys.forWriting(subject);
		if (key.isEmpty()) {
			return PersonalData.ERASED;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return ENCRYPTED + subject + ":" + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("personal data could not be encrypted", ex);
		}
	}

	/** The text of a stored form: the plain text, or {@link PersonalData#ERASED}. */
	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		if (stored.startsWith(LEGACY)) {
			int split = stored.lastIndexOf(':');
			String subject = stored.substring(LEGACY.length(), split);
			return this.keys.isErased(subject) ? PersonalData.ERASED
					: new String(Base64.getDecoder().decode(stored.substring(split + 1)), StandardCharsets.UTF_8);
		}
		if (!stored.startsWith(ENCRYPTED)) {
			return stored;
		}
		int split = stored.lastIndexOf(':');
		String subject = stored.substring(ENCRYPTED.length(), split);
		Optional<SecretKey> key = this.keys.forReading(subject);
		if (key.isEmpty()) {
			return PersonalData.ERASED;
		}
		try {
			byte[] sealed = Base64.getDecoder().decode(stored.substring(split + 1));
			if (sealed.length < IV_BYTES + TAG_BITS / 8) {
				throw new IllegalArgumentException("too short");
			}
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
			cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException | java.security.ProviderException ex) {
			// never the text itself in the message: it may be personal data
			throw new IllegalStateException("personal data of " + subject + " could not be decrypted", ex);
		}
	}

	/**
	 * A JSON text (an event's payload as stored) with each string in a stored form
	 * replaced by its text, every other byte as it was; a string that only looks like one
	 * (e.g. typed into a field that is not personal) stays as it is.
	 */
	public String decryptJson(String json) {
		if (json == null || (!json.contains("\"" + ENCRYPTED) && !json.contains("\"" + LEGACY))) {
			return json;
		}
		Matcher matcher = STORED_STRING.matcher(json);
		StringBuilder readable = new StringBuilder(json.length());
		while (matcher.find()) {
			String text;
			try {
				text = "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(decrypt(matcher.group(1))))
						+ "\"";
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				text = matcher.group();
			}
			matcher.appendReplacement(readable, Matcher.quoteReplacement(text));
		}
		matcher.appendTail(readable);
		return readable.toString();
	}

	/**
	 * The upcast form of a text stored before encryption: tagged with its subject, so
	 * that it reads as erased once the subject is (see {@link #decrypt}).
	 */
	public static String tagLegacy(String subject, String text) {
		return text == null ? null
				: LEGACY + subject + ":" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
