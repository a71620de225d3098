package de.pfd.grants.server.workspace.money;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.money.Money;

/**
 * A step of an application's history that corrected its grant, as the corrections page
 * lists it: the cancellation, a proof of use returned, a review corrected (with the final
 * grant it set), each with its reason. Read from the notes the application's projection
 * writes for these steps.
 */
record Correction(Instant at, String by, Kind kind, Money finalGrant, String reason) {

	enum Kind {

		CANCELLED, PROOF_RETURNED, REVIEW_CORRECTED

	}

	private static final Pattern CANCELLED = Pattern.compile("Abbruch / cancelled: (.*)", Pattern.DOTALL);

	private static final Pattern RETURNED = Pattern
		.compile("Verwendungsnachweis zurückgegeben / proof of use returned: (.*)", Pattern.DOTALL);

	private static final Pattern CORRECTED = Pattern.compile(
			"Prüfung korrigiert / review corrected: Zuwendung / final grant (-?[0-9]+(?:\\.[0-9]+)?): (.*)",
			Pattern.DOTALL);

	/** The correction a step of the history is, if it is one. */
	static Optional<Correction> of(ApplicationDetail.StatusChange step) {
		String note = step.note() == null ? "" : step.note();
		Matcher m = CORRECTED.matcher(note);
		if (m.matches()) {
			return Optional
				.of(new Correction(step.at(), step.by(), Kind.REVIEW_CORRECTED, Money.euros(m.group(1)), m.group(2)));
		}
		m = RETURNED.matcher(note);
		if (m.matches()) {
			return Optional.of(new Correction(step.at(), step.by(), Kind.PROOF_RETURNED, null, m.group(1)));
		}
		m = CANCELLED.matcher(note);
		if (m.matches()) {
			return Optional.of(new Correction(step.at(), step.by(), Kind.CANCELLED, null, m.group(1)));
		}
		return Optional.empty();
	}

}
