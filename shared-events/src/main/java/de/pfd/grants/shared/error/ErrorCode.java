package de.pfd.grants.shared.error;

/**
 * Why a command was refused. Carried across process boundaries; mapped to HTTP in one
 * place.
 */
public enum ErrorCode {

	INVALID_AMOUNT, INVALID_INPUT, NOT_FOUND, FUND_ALREADY_EXISTS, FUND_CLOSED, BUDGET_EXHAUSTED, BUDGET_BELOW_RESERVED,
	ALREADY_RESERVED, NOT_RESERVED, RELEASE_EXCEEDS_RESERVATION, PAYOUT_EXCEEDS_RESERVATION, REFUND_EXCEEDS_PAID,
	PARTNERSHIP_ALREADY_EXISTS, CONFLICT,

	/** submission refused: incomplete or inconsistent (per-field errors) */
	SUBMISSION_INVALID,

	/** the application is not in a status that allows this */
	WRONG_STATUS,

	/** not a voting member of the deciding body, recused, or the vote is not open */
	NOT_ELIGIBLE_TO_VOTE,

	/** the request is above the fund's fast-track limit: it needs a vote */
	FAST_TRACK_LIMIT_EXCEEDED,

	/** payout requests may not exceed approved minus already requested */
	PAYOUT_REQUEST_EXCEEDS_APPROVAL,

	/** payouts may not exceed what was requested and not yet paid */
	PAYOUT_EXCEEDS_REQUEST,

	/** more than is still due on the refund claim */
	REFUND_EXCEEDS_CLAIM,

	/** the change is stored, but the read model did not show it in time */
	NOT_YET_VISIBLE,

	/** a request body beyond the limit (1 MB) */
	REQUEST_TOO_LARGE,

	/**
	 * too many requests of a kind (e.g. mails with one-time links) in a while: retry
	 * later
	 */
	TOO_MANY_REQUESTS,

	/** an Idempotency-Key used again with a different request */
	IDEMPOTENCY_KEY_REUSED,

	/**
	 * the database is unreachable for the moment: retry shortly (with the same
	 * Idempotency-Key)
	 */
	UNAVAILABLE,

	/**
	 * four eyes: the staff member who certified a payout may not release it (VV zu § 70
	 * BHO)
	 */
	FOUR_EYES_REQUIRED,

	/** the proof of use was reviewed (accepted) already: correct the review instead */
	ALREADY_REVIEWED,

	/** the booking was reversed already */
	ALREADY_REVERSED,

	/**
	 * an upload whose content (detected from its bytes, not its name) is not one of the
	 * allowed types (PDF, JPEG, PNG)
	 */
	DOCUMENT_TYPE_NOT_ALLOWED,

	/** the application holds as many documents (or bytes) as it may */
	DOCUMENT_LIMIT_REACHED,

	/** The personal data of this grant file were erased already. */
	ALREADY_ERASED,

	/**
	 * the file must still be kept (its retention period runs, or its procedure has not
	 * ended): its personal data may not be erased yet
	 */
	RETENTION_PERIOD_RUNNING

}
