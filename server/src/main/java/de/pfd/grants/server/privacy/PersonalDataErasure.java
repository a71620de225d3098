package de.pfd.grants.server.privacy;

import java.time.Instant;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationId;

/**
 * Erases the personal data of one application's grant file (Art. 17 GDPR) by deleting the
 * data subject's key (crypto-shredding): every event stays, money figures and decisions
 * stay exact, the personal fields read as erased. Staff of the application's partnership
 * only; the erasure itself is an event. The one use case that the API
 * ({@code POST /api/privacy/erasures}) and the page ({@code /verwaltung/datenschutz})
 * call.
 */
public interface PersonalDataErasure {

	/**
	 * Erases now. Refused (a {@code RuleViolation} or {@code ApiException}) when the
	 * application is unknown to the user (404), the user is not staff of its partnership
	 * (403), the reason is blank or too long (400), a retention duty still applies and
	 * the erasure is not requested for a reason that overrides it (409), or it was erased
	 * already (409).
	 */
	Erased eraseApplication(GrantsUser user, ApplicationId applicationId, String reason);

	/** What was erased, when, by whom. */
	record Erased(ApplicationId applicationId, String subject, Instant at, String by) {
	}

}
