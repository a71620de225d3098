package de.pfd.grants.shared.application;

/**
 * The applicant of an application and what a mail to them names, in any partnership;
 * answered with an optional {@link ApplicantNotice}. Asked by the system's notifications,
 * never on behalf of a user.
 */
public record FindApplicantNoticeQuery(ApplicationId applicationId) {
}
