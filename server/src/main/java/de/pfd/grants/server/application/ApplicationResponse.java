package de.pfd.grants.server.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationDetail.StatusChange;
import de.pfd.grants.shared.application.ApplicationDetail.SubmittedVersion;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.Declaration;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.money.Money;

/**
 * An application in the shape it was written (as in the request), plus status, history
 * and versions, and the organisation it is filed for ({@code organisationId},
 * {@code organisationName}: the surviving one after a merge; null for applications from
 * before organisations had ids, which name it only in {@code applicant.organisation}).
 */
public record ApplicationResponse(String id, String fundId, DecisionBodyType decisionBody, String owner,
		ApplicationStatus status, int version, String title, String summary, String description,
		ActionField actionField, List<TargetGroup> targetGroups, Integer expectedParticipants, LocalDate startDate,
		LocalDate endDate, Applicant applicant, List<CostItem> costs, List<IncomeItem> income, Money requestedAmount,
		Money totalCosts, Money totalIncome, BigDecimal coFinancingPercent, Instant createdAt, Instant submittedAt,
		Instant statusSince, long daysInStatus, List<StatusChange> history, List<Version> versions,
		ApplicationDetail.Grant grant, String organisationId, String organisationName,
		ApplicationDetail.EarlyStart earlyStart, List<Declaration> declarations) {

	/**
	 * A submitted version; {@code href}: where it reads in full with its changes
	 * ({@code GET /api/applications/{id}/versions/{n}}).
	 */
	public record Version(int version, Instant submittedAt, Money requestedAmount, String href) {

		static Version of(String applicationId, SubmittedVersion version) {
			return new Version(version.version(), version.submittedAt(), version.requestedAmount(),
					"/api/applications/" + applicationId + "/versions/" + version.version());
		}

	}

	public static ApplicationResponse of(ApplicationDetail d) {
		var c = d.content();
		return new ApplicationResponse(d.id().value(), d.fundId().value(), d.decisionBody(), d.owner(), d.status(),
				d.version(), c.title(), c.summary(), c.description(), c.actionField(), c.targetGroups(),
				c.expectedParticipants(), c.startDate(), c.endDate(), c.applicant(), c.costs(), c.income(),
				c.requestedAmount(), d.totalCosts(), d.totalIncome(), d.coFinancingPercent(), d.createdAt(),
				d.submittedAt(), d.statusSince(), d.daysInStatus(), d.history(),
				d.versions().stream().map(v -> Version.of(d.id().value(), v)).toList(), d.grant(),
				d.organisationId() == null ? null : d.organisationId().value(), d.organisationName(), d.earlyStart(),
				c.declarations());
	}

}
