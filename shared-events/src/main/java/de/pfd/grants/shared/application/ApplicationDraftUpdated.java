package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;
import de.pfd.grants.shared.privacy.DataSubject;

@Revision("1")
public record ApplicationDraftUpdated(@DataSubject(DataSubject.APPLICATION) ApplicationId applicationId,
		ApplicationContent content) {
}
