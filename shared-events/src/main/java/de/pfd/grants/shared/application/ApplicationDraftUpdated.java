package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;
import de.pfd.grants.shared.privacy.DataSubject;

// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision 1 is upcast
@Revision("2")
public record ApplicationDraftUpdated(@DataSubject(DataSubject.APPLICATION) ApplicationId applicationId,
		ApplicationContent content) {
}
