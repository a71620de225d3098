package de.pfd.grants.shared.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event that is personal data (names, e-mail and postal addresses,
 * free-text personal remarks). The event serializer stores it encrypted with the key of
 * its data subject (the nearest enclosing record with a {@link DataSubject} component,
 * the event itself or a nested record such as a member); once the subject's key is erased
 * it reads as {@link #ERASED}. Only {@code String} components carry it.
 * <p>
 * The catalogue of personal data is the set of components carrying this annotation (ADR
 * 0012 lists them); a test fails when an annotated component has no subject.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface PersonalData {

	/** What an erased personal field reads as (pages show it as "gelöscht"). */
	String ERASED = "erased";

}
