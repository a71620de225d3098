package de.pfd.grants.command.common;

import java.util.Arrays;
import java.util.List;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation.FieldViolation;

/** Fixture matchers for refused commands. */
public final class Refusals {

	private Refusals() {
	}

	/** Matches a {@link RuleViolationException} carrying the given code. */
	public static Matcher<RuleViolationException> refusedWith(ErrorCode code) {
		return new FeatureMatcher<>(Matchers.equalTo(code), "a rule violation with code", "code") {

			@Override
			protected ErrorCode featureValueOf(RuleViolationException actual) {
				return actual.violation().code();
			}

		};
	}

	/**
	 * Matches a {@link RuleViolationException} with the code that names exactly these
	 * fields, in order.
	 */
	public static Matcher<RuleViolationException> refusedWith(ErrorCode code, String... fields) {
		Matcher<RuleViolationException> namingTheFields = new FeatureMatcher<>(Matchers.equalTo(Arrays.asList(fields)),
				"a rule violation naming the fields", "fields") {

			@Override
			protected List<String> featureValueOf(RuleViolationException actual) {
				return actual.violation().fields().stream().map(FieldViolation::field).toList();
			}

		};
		return Matchers.allOf(refusedWith(code), namingTheFields);
	}

}
