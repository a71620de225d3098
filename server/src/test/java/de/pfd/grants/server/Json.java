package de.pfd.grants.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the API's JSON in the tests. */
public final class Json {

	private Json() {
	}

	/** A field's text, or null when it is absent or null. */
	public static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	/** An amount as a two-decimal string, or null. */
	public static String money(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return new BigDecimal(value.asText()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}

	/** An instant as Jackson writes it: ISO-8601 text or decimal seconds. */
	public static Instant instant(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value.isNumber()) {
			BigDecimal seconds = value.decimalValue();
			return Instant.ofEpochSecond(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
		}
		return Instant.parse(value.asText());
	}

	/** A duration as Jackson writes it: ISO-8601 text or seconds. */
	public static Duration duration(JsonNode value) {
		return value.isNumber() ? Duration.ofMillis((long) (value.asDouble() * 1000)) : Duration.parse(value.asText());
	}

	/** The texts of an array. */
	public static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asText()));
		return values;
	}

}
