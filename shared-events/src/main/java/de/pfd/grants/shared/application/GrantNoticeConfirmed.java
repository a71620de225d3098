package de.pfd.grants.shared.application;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Confirmed by the applicant; the proof of use is due on {@code proofOfUseDueOn}. */
@Revision("1")
public record GrantNoticeConfirmed(ApplicationId applicationId, LocalDate proofOfUseDueOn) {

	/**
	 * The canonical constructor is the one Jackson uses (the others are conveniences).
	 */
	@JsonCreator
	public GrantNoticeConfirmed {
	}

	public GrantNoticeConfirmed(ApplicationId applicationId) {
		this(applicationId, null);
	}

}
