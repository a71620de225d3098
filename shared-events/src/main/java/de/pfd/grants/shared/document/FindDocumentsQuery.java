package de.pfd.grants.shared.document;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * The documents of one application, oldest first; answered with a list of
 * {@link DocumentView}. The caller has checked that the user may see them.
 */
public record FindDocumentsQuery(ApplicationId applicationId) {
}
