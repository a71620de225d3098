package de.pfd.grants.server.web;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: strictly. Unknown fields, a field given twice, a number as
 * a string (or a string as a number) are bad input, named by their field. Every text is
 * normalised (Unicode NFC) and trimmed, and refused if it holds a control character (a
 * {@link MultiLine} field may hold newlines and tabs) or half of a surrogate pair:
 * nothing that a read table or a PDF could choke on reaches the event store. Only the
 * HTTP adapter reads this way; the event store keeps its own, tolerant mapper, so that
 * old events stay readable. Size and encoding are checked before, by
 * {@link JsonBodyLimits}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson implements WebMvcConfigurer {

	private final ObjectMapper strict;

	StrictJson(ObjectMapper objectMapper) {
		this.strict = strict(objectMapper.copy());
	}

	static ObjectMapper strict(ObjectMapper mapper) {
		mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
		mapper.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
			mapper.coercionConfigFor(type)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
		}
		mapper
			.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new TextDeserializer(false)));
		return mapper;
	}

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		for (HttpMessageConverter<?> converter : converters) {
			if (converter instanceof MappingJackson2HttpMessageConverter json) {
				json.setObjectMapper(this.strict);
			}
		}
	}

	/**
	 * Text as a person typed it: one normal form, no surrounding blanks, no control
	 * characters.
	 */
	static final class TextDeserializer extends JsonDeserializer<String> implements ContextualDeserializer {

		private final boolean multiLine;

		TextDeserializer(boolean multiLine) {
			this.multiLine = multiLine;
		}

		@Override
		public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
			boolean lines = property != null && property.getAnnotation(MultiLine.class) != null;
			return lines == this.multiLine ? this : new TextDeserializer(lines);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			String text = Normalizer.normalize(parser.getText(), Normalizer.Form.NFC).strip();
			String problem = problem(text, this.multiLine);
			if (problem != null) {
				throw InvalidFormatException.from(parser, problem, text, String.class);
			}
			return text;
		}

		@Override
		public String getNullValue(DeserializationContext context) {
			return null;
		}

		/** Why this text is refused, or null. */
		static String problem(String text, boolean multiLine) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\t' || c == '\r'))) {
					return multiLine
							? "Steuerzeichen sind nicht erlaubt (außer Zeilenumbruch und Tabulator) / "
									+ "control characters are not allowed (except newline and tab)"
							: "Steuerzeichen und Zeilenumbrüche sind hier nicht erlaubt / "
									+ "control characters and line breaks are not allowed here";
				}
				if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(++i)))) {
					return "ungültiges Unicode (halbes Ersatzzeichenpaar) / invalid Unicode (unpaired surrogate)";
				}
			}
			return null;
		}

	}

}
