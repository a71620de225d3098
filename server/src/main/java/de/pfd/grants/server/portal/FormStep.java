package de.pfd.grants.server.portal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the application form, in order, each with its name in the URL
 * ({@code ?schritt=projekt}); a field (as the API names it) belongs to one step.
 */
public enum FormStep {

	FONDS("fonds"), PROJEKT("projekt"), ANTRAGSTELLER("antragsteller"), KOSTEN("kosten"), ERKLAERUNGEN("erklaerungen"),
	PRUEFEN("pruefen");

	private final String slug;

	FormStep(String slug) {
		this.slug = slug;
	}

	static Optional<FormStep> of(String slug) {
		return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
	}

	/** The step's name in the URL. */
	public String getSlug() {
		return this.slug;
	}

	/** The step's number, from 1. */
	public int getNumber() {
		return ordinal() + 1;
	}

	static int count() {
		return values().length;
	}

	public FormStep next() {
		return this == PRUEFEN ? PRUEFEN : values()[ordinal() + 1];
	}

	public FormStep previous() {
		return this == FONDS ? FONDS : values()[ordinal() - 1];
	}

	/** The step that asks for a field as the API and the form's refusals name it. */
	static FormStep asking(String field) {
		if (field.startsWith("applicant.") || field.equals("organisationId")) {
			return ANTRAGSTELLER;
		}
		if (field.startsWith("costs") || field.startsWith("income") || field.equals("requestedAmount")) {
			return KOSTEN;
		}
		if (field.equals("fundId")) {
			return FONDS;
		}
		if (field.equals("declarations")) {
			return ERKLAERUNGEN;
		}
		if (field.equals("form")) {
			return PRUEFEN;
		}
		return PROJEKT;
	}

}
