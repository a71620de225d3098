package de.pfd.grants.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import de.pfd.grants.persistence.privacy.PersonalDataTree;
import de.pfd.grants.persistence.privacy.PersonalDataUpcaster;
import de.pfd.grants.shared.privacy.DataSubject;
import de.pfd.grants.shared.privacy.PersonalData;

/**
 * The catalogue of personal data is the {@link PersonalData} components of the events:
 * each has a data subject, is a text, and an event that stored it plain before (revision
 * 1) is read through the upcaster.
 */
class PersonalDataCatalogueTest {

	private static final List<Class<?>> EVENTS = new ClassFileImporter().importPackages("de.pfd.grants.shared")
		.stream()
		.filter(type -> type.isAnnotatedWith(Revision.class))
		.map(JavaClass::reflect)
		.toList();

	@Test
	void every_personal_text_of_every_event_has_a_data_subject() {
		List<String> problems = new ArrayList<>();
		for (Class<?> event : EVENTS) {
			check(event, false, event.getSimpleName(), problems);
		}
		assertThat(problems).isEmpty();
		assertThat(EVENTS.stream().filter(PersonalDataTree::holdsPersonalData).map(Class::getSimpleName))
			.contains("ApplicationDrafted", "OrganisationRegistered", "MemberAdded", "VoteOpened", "MemberRecused");
	}

	@Test
	void the_events_that_stored_personal_texts_plain_are_revision_2_and_upcast_from_1() {
		assertThat(PersonalDataUpcaster.PLAIN_IN_REVISION_1).allSatisfy(event -> {
			assertThat(event.getAnnotation(Revision.class).value()).as(event.getSimpleName()).isEqualTo("2");
			assertThat(PersonalDataTree.holdsPersonalData(event)).as(event.getSimpleName()).isTrue();
		});
		// an event holding personal data at revision 1 is one that never stored it plain:
		// none of those is older than the encryption
		assertThat(EVENTS.stream()
			.filter(PersonalDataTree::holdsPersonalData)
			.filter(event -> !PersonalDataUpcaster.PLAIN_IN_REVISION_1.contains(event))
			.map(Class::getSimpleName)).isEmpty();
	}

	/**
	 * Snapshots are written by the general serializer, which encrypts nothing: an
	 * aggregate that is snapshotted must hold no record with personal data.
	 */
	@Test
	void the_snapshotted_aggregates_hold_no_personal_data() {
		List<Class<?>> snapshotted = new ClassFileImporter().importPackages("de.pfd.grants.command")
			.stream()
			.filter(type -> type.isAnnotatedWith(Aggregate.class))
			.map(JavaClass::reflect)
			.filter(type -> !type.getAnnotation(Aggregate.class).snapshotTriggerDefinition().isEmpty())
			.toList();
		assertThat(snapshotted).extracting(Class::getSimpleName).contains("Fund");
		for (Class<?> aggregate : snapshotted) {
			for (java.lang.reflect.Field field : aggregate.getDeclaredFields()) {
				assertThat(types(field.getGenericType())).as(aggregate.getSimpleName() + "." + field.getName())
					.noneMatch(PersonalDataTree::holdsPersonalData);
			}
		}
	}

	private static List<Class<?>> types(Type type) {
		List<Class<?>> all = new ArrayList<>();
		if (type instanceof Class<?> plain) {
			all.add(plain);
		}
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				all.addAll(types(argument));
			}
		}
		return all;
	}

	private static void check(Class<?> type, boolean subject, String path, List<String> problems) {
		if (!type.isRecord()) {
			return;
		}
		boolean named = subject || java.util.Arrays.stream(type.getRecordComponents())
			.anyMatch(c -> c.isAnnotationPresent(DataSubject.class));
		for (RecordComponent component : type.getRecordComponents()) {
			String at = path + "." + component.getName();
			if (component.isAnnotationPresent(PersonalData.class)) {
				if (component.getType() != String.class) {
					problems.add(at + " is personal data but no text");
				}
				if (!named) {
					problems.add(at + " is personal data without a data subject");
				}
				continue;
			}
			Class<?> nested = recordOf(component.getGenericType());
			if (nested != null && nested != type) {
				check(nested, named, at, problems);
			}
		}
	}

	private static Class<?> recordOf(Type type) {
		if (type instanceof Class<?> plain) {
			return plain;
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			return recordOf(parameterized.getActualTypeArguments()[0]);
		}
		return null;
	}

}
