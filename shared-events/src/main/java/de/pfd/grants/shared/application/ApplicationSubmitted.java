package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.privacy.DataSubject;

/**
 * A version of the application handed in; versions count from 1. {@code round}: the call
 * round of the fund it was submitted in (null when the fund has no round for it, and in
 * events stored before rounds existed).
 */
// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision
// 1 is upcast
@Revision("2")
public record ApplicationSubmitted(@DataSubject(DataSubject.APPLICATION) ApplicationId applicationId, FundId fundId,
		int version, ApplicationContent content, Integer round) {

	/** The canonical constructor is the one Jackson uses. */
	@JsonCreator
	public ApplicationSubmitted {
	}

	public ApplicationSubmitted(ApplicationId applicationId, FundId fundId, int version, ApplicationContent content) {
		this(applicationId, fundId, version, content, null);
	}

}
