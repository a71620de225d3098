package de.pfd.grants.persistence.privacy;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import de.pfd.grants.shared.privacy.PersonalData;

/**
 * Jackson for the event serializer only: a {@link PersonalData} component is written
 * encrypted with its subject's key (the subject is the nearest record being written that
 * names one) and read decrypted. The object mapper of the HTTP API and of the read models
 * does not have it: they see the plain texts.
 */
public class PersonalDataModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	private final transient PersonalDataCipher cipher;

	public PersonalDataModule(PersonalDataCipher cipher) {
		super("personal-data", Version.unknownVersion());
		this.cipher = cipher;
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		context.insertAnnotationIntrospector(new Introspector(this.cipher));
	}

	private static final class Introspector extends NopAnnotationIntrospector {

		private static final long serialVersionUID = 1L;

		private final transient Encrypting encrypting;

		private final transient Decrypting decrypting;

		Introspector(PersonalDataCipher cipher) {
			this.encrypting = new Encrypting(cipher);
			this.decrypting = new Decrypting(cipher);
		}

		@Override
		public Object findSerializer(Annotated annotated) {
			return annotated.hasAnnotation(PersonalData.class) ? this.encrypting : null;
		}

		@Override
		public Object findDeserializer(Annotated annotated) {
			return annotated.hasAnnotation(PersonalData.class) ? this.decrypting : null;
		}

	}

	private static final class Encrypting extends StdScalarSerializer<String> {

		private static final long serialVersionUID = 1L;

		private final transient PersonalDataCipher cipher;

		Encrypting(PersonalDataCipher cipher) {
			super(String.class);
			this.cipher = cipher;
		}

		@Override
		public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
			generator.writeString(this.cipher.encrypt(subject(generator.getOutputContext()), value));
		}

		private static String subject(JsonStreamContext context) {
			for (JsonStreamContext at = context; at != null; at = at.getParent()) {
				var subject = PersonalDataCatalogue.subjectOf(at.getCurrentValue());
				if (subject.isPresent()) {
					return subject.get();
				}
			}
			throw new IllegalStateException("personal data without a data subject (@DataSubject) in "
					+ (context.getCurrentValue() == null ? "?" : context.getCurrentValue().getClass().getName()));
		}

	}

	private static final class Decrypting extends StdScalarDeserializer<String> {

		private static final long serialVersionUID = 1L;

		private final transient PersonalDataCipher cipher;

		Decrypting(PersonalDataCipher cipher) {
			super(String.class);
			this.cipher = cipher;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			return this.cipher.decrypt(parser.getText());
		}

	}

}
