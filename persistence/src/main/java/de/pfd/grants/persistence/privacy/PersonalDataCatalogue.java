package de.pfd.grants.persistence.privacy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import de.pfd.grants.shared.privacy.DataSubject;
import de.pfd.grants.shared.privacy.PersonalData;

/**
 * Reads the catalogue that the events carry: which record component names the data
 * subject ({@link DataSubject}), and whether a type holds {@link PersonalData} at all.
 */
public final class PersonalDataCatalogue {

	private static final ClassValue<Optional<RecordComponent>> SUBJECTS = new ClassValue<>() {
		@Override
		protected Optional<RecordComponent> computeValue(Class<?> type) {
			if (!type.isRecord()) {
				return Optional.empty();
			}
			return Arrays.stream(type.getRecordComponents())
				.filter(component -> component.isAnnotationPresent(DataSubject.class))
				.findFirst();
		}
	};

	private PersonalDataCatalogue() {
	}

	/** The record component that names the subject of this type's personal data. */
	public static Optional<RecordComponent> subjectComponent(Class<?> type) {
		return SUBJECTS.get(type);
	}

	/** The data subject that a record names, e.g. {@code application:<id>}. */
	public static Optional<String> subjectOf(Object value) {
		if (value == null) {
			return Optional.empty();
		}
		return subjectComponent(value.getClass()).map(component -> {
			try {
				Object id = component.getAccessor().invoke(value);
				return id == null ? null : subject(component, id.toString());
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("the data subject of " + value.getClass().getSimpleName(), ex);
			}
		});
	}

	/**
	 * A copy of {@code value} (a record, or a list of them) whose personal texts of
	 * {@code erased} read as {@link PersonalData#ERASED}, as they do when the events are
	 * read again after the erasure; {@code subject} is the subject of {@code value}
	 * itself (a nested record naming another subject keeps its texts). What read models
	 * that hold a copy of an event's record rewrite on an erasure, so that a replay gives
	 * the same rows.
	 */
	@SuppressWarnings("unchecked")
	public static <T> T erased(T value, String subject, String erased) {
		if (value instanceof List<?> list) {
			return (T) list.stream().map(element -> erased(element, subject, erased)).toList();
		}
		if (value == null || !value.getClass().isRecord()) {
			return value;
		}
		String own = subjectOf(value).orElse(subject);
		RecordComponent[] components = value.getClass().getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		try {
			for (int i = 0; i < components.length; i++) {
				Object component = components[i].getAccessor().invoke(value);
				types[i] = components[i].getType();
				if (components[i].isAnnotationPresent(PersonalData.class)) {
					values[i] = component != null && erased.equals(own) ? PersonalData.ERASED : component;
				}
				else {
					values[i] = erased(component, own, erased);
				}
			}
			return (T) value.getClass().getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot erase the personal data of " + value.getClass().getSimpleName(),
					ex);
		}
	}

	/** The subject named by a component's value. */
	public static String subject(RecordComponent component, String id) {
		return component.getAnnotation(DataSubject.class).value() + ":" + id;
	}

}
