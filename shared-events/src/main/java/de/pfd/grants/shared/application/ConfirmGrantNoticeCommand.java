package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.fund.OpenFundCommand;

/**
 * The applicant confirms the grant notice and accepts its conditions; the proof of use is
 * then due {@code proofOfUseDueWeeks} after the project's end (the fund's rule).
 */
public record ConfirmGrantNoticeCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy,
		int proofOfUseDueWeeks) {

	/**
	 * The canonical constructor is the one Jackson uses (the others are conveniences).
	 */
	@JsonCreator
	public ConfirmGrantNoticeCommand {
	}

	public ConfirmGrantNoticeCommand(ApplicationId applicationId, String requestedBy) {
		this(applicationId, requestedBy, OpenFundCommand.DEFAULT_WEEKS);
	}

}
