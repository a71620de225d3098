package de.pfd.grants.command.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.command.fund.FundTerms;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation.FieldViolation;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;

/**
 * The rules an application must meet, each a named function that names the offending
 * field. Drafts may be incomplete, but what they say must not be impossible; a submission
 * must be complete and consistent.
 */
final class ApplicationRules {

	/** A field that a submission needs and that is empty. */
	static final String REQUIRED = "Pflichtangabe / is required";

	private ApplicationRules() {
	}

	/** Problems refuse the command with this code, each naming its field. */
	static void refuseIfAny(ErrorCode code, List<FieldViolation> problems) {
		if (problems.isEmpty()) {
			return;
		}
		String message = (code == ErrorCode.SUBMISSION_INVALID
				? "Antrag kann nicht eingereicht werden / the application cannot be submitted: "
				: "Antrag fehlerhaft / invalid application: ")
				+ problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("");
		throw new RuleViolationException(code, message, problems);
	}

	/** What a draft must already get right: the values it has. */
	static List<FieldViolation> draftProblems(ApplicationContent content, FundTerms fund) {
		List<FieldViolation> problems = new ArrayList<>();
		periodWithinFundYear(content, fund.year()).forEach(problems::add);
		requestedWithinCap(content, fund.perProjectCap()).ifPresent(problems::add);
		return problems;
	}

	/** Everything a submission needs, in the order a form shows it. */
	static List<FieldViolation> submissionProblems(ApplicationContent content, FundTerms fund) {
		List<FieldViolation> problems = new ArrayList<>(requiredFields(content));
		problems.addAll(draftProblems(content, fund));
		costPlanAddsUp(content).ifPresent(problems::add);
		youthFundApplicantIsYoung(content, fund.type()).ifPresent(problems::add);
		return problems;
	}

	static List<FieldViolation> requiredFields(ApplicationContent c) {
		List<FieldViolation> missing = new ArrayList<>();
		require(missing, "title", c.title());
		require(missing, "summary", c.summary());
		require(missing, "actionField", c.actionField());
		require(missing, "startDate", c.startDate());
		require(missing, "endDate", c.endDate());
		require(missing, "requestedAmount", c.requestedAmount());
		Applicant a = c.applicant();
		if (a == null) {
			missing.add(new FieldViolation("applicant", REQUIRED));
		}
		else {
			require(missing, "applicant.organisation", a.organisation());
			require(missing, "applicant.legalForm", a.legalForm());
			require(missing, "applicant.contactName", a.contactName());
			require(missing, "applicant.email", a.email());
			require(missing, "applicant.address", a.address());
		}
		if (c.costs().isEmpty()) {
			missing.add(new FieldViolation("costs",
					"Mindestens eine Kostenposition angeben / at least one cost item is required"));
		}
		return missing;
	}

	/** Projects run within the fund's year: they start in it and end by 31 December. */
	static List<FieldViolation> periodWithinFundYear(ApplicationContent c, int year) {
		List<FieldViolation> problems = new ArrayList<>();
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		if (c.startDate() != null && (c.startDate().isBefore(first) || c.startDate().isAfter(last))) {
			problems.add(new FieldViolation("startDate",
					"muss im Förderjahr " + year + " liegen / must lie in the fund's year " + year));
		}
		if (c.endDate() != null && (c.endDate().isBefore(first) || c.endDate().isAfter(last))) {
			problems.add(new FieldViolation("endDate", "muss im Förderjahr " + year
					+ " liegen (bis 31. Dezember) / must lie in the fund's year " + year + " (by 31 December)"));
		}
		if (c.startDate() != null && c.endDate() != null && c.endDate().isBefore(c.startDate())) {
			problems.add(new FieldViolation("endDate",
					"darf nicht vor dem Beginn liegen / must not be before the start date"));
		}
		return problems;
	}

	/** requested = total costs - total income, to the cent. */
	static Optional<FieldViolation> costPlanAddsUp(ApplicationContent c) {
		if (c.requestedAmount() == null || c.costs().isEmpty()) {
			return Optional.empty();
		}
		Money expected = c.totalCosts().minus(c.totalIncome());
		if (!expected.equals(c.requestedAmount())) {
			return Optional.of(new FieldViolation("requestedAmount",
					"muss Gesamtkosten minus Einnahmen sein: " + c.totalCosts() + " - " + c.totalIncome() + " = "
							+ expected + " / must equal total costs " + c.totalCosts() + " minus income "
							+ c.totalIncome() + " = " + expected));
		}
		return Optional.empty();
	}

	/** 0 < requested <= the fund's per-project cap. */
	static Optional<FieldViolation> requestedWithinCap(ApplicationContent c, Money cap) {
		Money requested = c.requestedAmount();
		if (requested == null) {
			return Optional.empty();
		}
		if (!requested.isPositive()) {
			return Optional.of(new FieldViolation("requestedAmount", "muss größer als 0 sein / must be positive"));
		}
		if (cap != null && requested.isGreaterThan(cap)) {
			return Optional.of(new FieldViolation("requestedAmount", "übersteigt die Höchstgrenze je Projekt von " + cap
					+ " / exceeds the fund's per-project cap of " + cap));
		}
		return Optional.empty();
	}

	/** The youth fund is for young people (up to 27) and youth groups. */
	static Optional<FieldViolation> youthFundApplicantIsYoung(ApplicationContent c, FundType type) {
		if (type != FundType.YOUTH_FUND) {
			return Optional.empty();
		}
		Applicant a = c.applicant();
		boolean young = a != null
				&& (Boolean.TRUE.equals(a.youthConfirmed()) || a.legalForm() == LegalForm.INFORMAL_YOUTH_GROUP);
		return young ? Optional.empty() : Optional.of(new FieldViolation("applicant.youthConfirmed",
				"Beim Jugendfonds bitte bestätigen, höchstens 27 Jahre alt oder eine Jugendgruppe zu sein / "
						+ "the youth fund requires applicants to confirm being at most 27 years old, or to be a youth group"));
	}

	private static void require(List<FieldViolation> missing, String field, Object value) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			missing.add(new FieldViolation(field, REQUIRED));
		}
	}

}
