package de.pfd.grants.server.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.partnership.PartnershipSettings;

/**
 * Until when a file must be kept: the one home of the retention rule (issue 14, Art. 17
 * GDPR against the retention duties of the funding rules).
 * <ul>
 * <li>A <b>grant file</b> (ever approved) is kept {@code retentionYears} (default 10)
 * after the end of its fund's year, or of the later year in which it was closed (settled,
 * cancelled, withdrawn after the approval): until 31 December of that year plus the
 * period. This is a legal duty: no request overrides it.</li>
 * <li>A file <b>never granted</b> (a draft, withdrawn, rejected, not funded) is kept
 * {@code unsuccessfulRetentionYears} (default 1) after the end of the later of its fund's
 * year and the year it ended. That period is the partnership's own rule: the data
 * subject's request (Art. 17(1) GDPR) overrides it.</li>
 * <li>A file whose <b>procedure still runs</b> (submitted, in voting, approved, waiting,
 * proof of use, refund due) is kept: never due, never erased.</li>
 * </ul>
 * The day after "retained until" the file is due for erasure. Years are counted in the
 * partnership's time zone (Europe/Berlin).
 */
public final class RetentionRule {

	/** Why a file is kept. */
	public enum Basis {

		/** ever approved: the funding rules' retention duty */
		GRANT_FILE,
		/** never approved: the partnership's own period */
		NEVER_GRANTED,
		/** the procedure has not ended */
		ONGOING

	}

	/**
	 * How long one file is kept: {@code retainedUntil} is the last day (null while the
	 * procedure runs); {@code why} says it in German.
	 */
	public record Retention(Basis basis, LocalDate retainedUntil, String why) {

		/** Due for erasure on this day: its period has run out. */
		public boolean dueOn(LocalDate day) {
			return this.retainedUntil != null && day.isAfter(this.retainedUntil);
		}

		/**
		 * May be erased on this day: due, or on the data subject's request where no legal
		 * duty keeps it (a file never granted).
		 */
		public boolean erasableOn(LocalDate day, boolean onRequest) {
			return dueOn(day) || (onRequest && this.basis == Basis.NEVER_GRANTED);
		}

	}

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final Set<ApplicationStatus> GRANTED = EnumSet.of(ApplicationStatus.APPROVED,
			ApplicationStatus.PROOF_OF_USE_SUBMITTED, ApplicationStatus.REFUND_DUE, ApplicationStatus.SETTLED,
			ApplicationStatus.CANCELLED);

	private static final Set<ApplicationStatus> ENDED = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN,
			ApplicationStatus.REJECTED, ApplicationStatus.NOT_FUNDED, ApplicationStatus.SETTLED,
			ApplicationStatus.CANCELLED);

	private RetentionRule() {
	}

	private static String ended(ApplicationStatus status) {
		return switch (status) {
			case DRAFT -> "nicht eingereicht";
			case WITHDRAWN -> "zurückgezogen";
			case REJECTED -> "abgelehnt";
			default -> "nicht gefördert";
		};
	}

	/**
	 * The retention of one file.
	 * @param status where it stands
	 * @param approved whether it was ever approved (a grant file even if withdrawn later)
	 * @param fundYear its fund's year
	 * @param since when it came into its status (for an ended file: when it ended)
	 * @param settings the partnership's retention periods
	 */
	public static Retention of(ApplicationStatus status, boolean approved, int fundYear, Instant since,
			PartnershipSettings settings) {
		if (!ENDED.contains(status)) {
			return new Retention(Basis.ONGOING, null,
					"Das Verfahren ist nicht abgeschlossen: die Akte wird aufbewahrt.");
		}
		int endedIn = since == null ? fundYear : since.atZone(ZONE).getYear();
		int from = Math.max(fundYear, endedIn);
		if (approved || GRANTED.contains(status)) {
			int years = settings.effectiveRetentionYears();
			LocalDate until = LocalDate.of(from + years, 12, 31);
			return new Retention(Basis.GRANT_FILE, until,
					"Förderakte: aufzubewahren " + years + (years == 1 ? " Jahr" : " Jahre") + " nach Ablauf des "
							+ (from == fundYear ? "Förderjahres " + fundYear : "Jahres des Abschlusses " + from)
							+ ", bis " + GERMAN.format(until) + ".");
		}
		int years = settings.effectiveUnsuccessfulRetentionYears();
		LocalDate until = LocalDate.of(from + years, 12, 31);
		return new Retention(Basis.NEVER_GRANTED, until,
				"Nicht bewilligter Antrag (" + ended(status) + "): aufzubewahren " + years
						+ (years == 1 ? " Jahr" : " Jahre") + " nach Ablauf des Jahres " + from + ", bis "
						+ GERMAN.format(until) + ".");
	}

}
