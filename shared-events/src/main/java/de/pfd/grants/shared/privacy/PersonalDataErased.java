package de.pfd.grants.shared.privacy;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The personal data of one application's grant file was erased (Art. 17 GDPR): the key of
 * {@code subject} is deleted in the same transaction as this event is stored, so every
 * personal field of the file reads as {@link PersonalData#ERASED} from then on, while
 * every event, money figure and decision stays. {@code reason} is the staff's reason (no
 * personal data).
 */
@Revision("1")
public record PersonalDataErased(ApplicationId applicationId, PartnershipId partnershipId, String subject,
		String reason, Instant erasedAt) {

	/** The data subject of an application's grant file. */
	public static String subjectOf(ApplicationId applicationId) {
		return DataSubject.APPLICATION + ":" + applicationId.value();
	}

}
