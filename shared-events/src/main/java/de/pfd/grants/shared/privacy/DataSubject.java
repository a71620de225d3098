package de.pfd.grants.shared.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component of a record that names the data subject of the {@link PersonalData}
 * inside it (and inside the records it holds): its value, prefixed with {@link #value()}
 * and a colon, is the subject whose key encrypts them ({@code application:<id>} for a
 * grant file, {@code organisation:<id>}, {@code account:<username>} for a member).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface DataSubject {

	/** The grant file of one application: its applicant, remarks and documents' names. */
	String APPLICATION = "application";

	/** An organisation known to a partnership: its name, address and contact. */
	String ORGANISATION = "organisation";

	/** A person with an account, e.g. a member of a decision body: the name. */
	String ACCOUNT = "account";

	/**
	 * The kind of subject: {@link #APPLICATION}, {@link #ORGANISATION} or
	 * {@link #ACCOUNT}.
	 */
	String value();

}
