package de.pfd.grants.persistence.privacy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.function.BinaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.pfd.grants.shared.privacy.PersonalData;

/**
 * Walks an event's JSON (as Jackson writes the record: one field per component) along its
 * record type and rewrites every {@link PersonalData} text with its subject: what the
 * upcaster (legacy texts tagged with their subject) and the migration of stored events
 * (texts encrypted in place, V34) do to events stored before encryption.
 */
public final class PersonalDataTree {

	private PersonalDataTree() {
	}

	/** Whether the type holds personal data anywhere (in itself or in its records). */
	public static boolean holdsPersonalData(Class<?> type) {
		return HOLDS.get(type);
	}

	private static final ClassValue<Boolean> HOLDS = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			if (!type.isRecord()) {
				return false;
			}
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.isAnnotationPresent(PersonalData.class)) {
					return true;
				}
				Optional<Class<?>> nested = recordOf(component.getGenericType());
				if (nested.isPresent() && nested.get() != type && holdsPersonalData(nested.get())) {
					return true;
				}
			}
			return false;
		}
	};

	/**
	 * Rewrites the personal texts of {@code node} (the JSON of a {@code type}) in place:
	 * each text becomes {@code rewrite(subject, text)}. Answers whether anything changed.
	 */
	public static boolean rewrite(JsonNode node, Class<?> type, BinaryOperator<String> rewrite) {
		return rewrite(node, type, null, rewrite);
	}

	private static boolean rewrite(JsonNode node, Class<?> type, String subject, BinaryOperator<String> rewrite) {
		if (node == null || !type.isRecord() || !holdsPersonalData(type)) {
			return false;
		}
		if (node.isArray()) {
			boolean changed = false;
			for (JsonNode element : node) {
				changed |= rewrite(element, type, subject, rewrite);
			}
			return changed;
		}
		if (!(node instanceof ObjectNode object)) {
			return false;
		}
		String own = PersonalDataCatalogue.subjectComponent(type)
			.filter(component -> object.path(component.getName()).isValueNode()
					&& !object.path(component.getName()).isNull())
			.map(component -> PersonalDataCatalogue.subject(component, object.get(component.getName()).asText()))
			.orElse(subject);
		boolean changed = false;
		for (RecordComponent component : type.getRecordComponents()) {
			JsonNode value = object.get(component.getName());
			if (value == null || value.isNull()) {
				continue;
			}
			if (component.isAnnotationPresent(PersonalData.class)) {
				if (value.isTextual()) {
					if (own == null) {
						throw new IllegalStateException("personal data without a data subject in " + type.getName());
					}
					String rewritten = rewrite.apply(own, value.asText());
					if (!rewritten.equals(value.asText())) {
						object.put(component.getName(), rewritten);
						changed = true;
					}
				}
				continue;
			}
			Optional<Class<?>> nested = recordOf(component.getGenericType());
			if (nested.isPresent()) {
				changed |= rewrite(value, nested.get(), own, rewrite);
			}
		}
		return changed;
	}

	/** The record type of a component: itself, or the elements of a list of records. */
	private static Optional<Class<?>> recordOf(Type type) {
		if (type instanceof Class<?> plain) {
			return plain.isRecord() ? Optional.of(plain) : Optional.empty();
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
				&& parameterized.getRawType() instanceof Class<?> raw && Iterable.class.isAssignableFrom(raw)) {
			return recordOf(parameterized.getActualTypeArguments()[0]);
		}
		return Optional.empty();
	}

}
