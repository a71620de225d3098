package de.pfd.grants.server.application;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.server.organisation.OrganisationUseCases;
import de.pfd.grants.server.partnership.PartnershipSettingsUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.IdempotencyKeys;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FindProcessingTimesQuery;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.ProcessingTimes;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.organisation.OrganisationView;

/**
 * The use cases of applications, for every adapter: each takes the acting user, asks the
 * access policy, sends the command and returns the fresh read model.
 */
@Service
public class ApplicationUseCases {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ReadYourWrites reads;

	private final AccessPolicy access;

	private final IdempotencyKeys idempotency;

	private final OrganisationUseCases organisations;

	private final PartnershipSettingsUseCases settings;

	ApplicationUseCases(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, AccessPolicy access,
			IdempotencyKeys idempotency, OrganisationUseCases organisations, PartnershipSettingsUseCases settings) {
		this.organisations = organisations;
		this.settings = settings;
		this.idempotency = idempotency;
		this.commands = commands;
		this.queries = queries;
		this.reads = reads;
		this.access = access;
	}

	/**
	 * A new draft; the same idempotency key from the same user names the same draft, so a
	 * retry answers as the first time did.
	 */
	public ApplicationDetail create(GrantsUser user, String fundId, String organisationId, ApplicationContent content,
			String idempotencyKey) {
		if (fundId == null || fundId.isBlank()) {
			throw ApiException.badInput("fundId", "Fonds fehlt / fundId is required");
		}
		ApplicationId id = new ApplicationId(
				this.idempotency.claim(user, "application", idempotencyKey, fundId, organisationId, content));
		// filed for the organisation named, or the applicant's only one; the first
		// application registers the organisation it names
		OrganisationView organisation = this.access.applyingOrganisation(user, organisationId).orElseGet(() -> {
			// an application that cannot be filed registers no organisation either
			requireFund(user, fundId);
			return this.organisations.registerFirst(user, content.applicant());
		});
		ApplicationContent filed = filedFor(content, organisation);
		return this.reads.write(watches(user, id, new FundId(fundId)), () -> {
			try {
				this.commands.sendAndWait(new CreateApplicationCommand(id, user.partnershipId(), user.username(),
						new FundId(fundId), filed, organisation.id()));
			}
			catch (AggregateStreamCreationException ex) {
				// the same Idempotency-Key again: the draft exists already
			}
		}, () -> this.access.application(user, id.value()));
	}

	private void requireFund(GrantsUser user, String fundId) {
		try {
			this.access.fund(user, fundId, null);
		}
		catch (ApiException ex) {
			throw ApiException.badInput("fundId", "Unbekannter Fonds / unknown fund");
		}
	}

	public ApplicationDetail update(GrantsUser user, String id, String fundId, String organisationId,
			ApplicationContent content) {
		ApplicationDetail application = this.access.application(user, id);
		if (fundId != null && !fundId.equals(application.fundId().value())) {
			throw ApiException.badInput("fundId", "Der Fonds eines Antrags ist fest / the fund cannot change");
		}
		ApplicationContent revised = content;
		if (application.organisationId() != null) {
			if (organisationId != null && !organisationId.equals(application.organisationId().value())) {
				throw ApiException.badInput("organisationId",
						"Die Organisation eines Antrags ist fest / the organisation cannot change");
			}
			revised = filedFor(content, this.access.organisation(user, application.organisationId().value()));
		}
		return change(user, application, new UpdateApplicationCommand(application.id(), user.username(), revised));
	}

	/**
	 * The content as filed for the organisation: the applicant's organisation is named as
	 * the organisation is (whatever was typed); legal form, address and contact default
	 * to the organisation's.
	 */
	private static ApplicationContent filedFor(ApplicationContent content, OrganisationView organisation) {
		Applicant typed = content.applicant();
		Applicant applicant = typed == null
				? new Applicant(organisation.name(), organisation.legalForm(), organisation.contactName(),
						organisation.email(), organisation.address(), null)
				: new Applicant(organisation.name(),
						typed.legalForm() != null ? typed.legalForm() : organisation.legalForm(),
						typed.contactName() != null ? typed.contactName() : organisation.contactName(),
						typed.email() != null ? typed.email() : organisation.email(),
						typed.address() != null ? typed.address() : organisation.address(), typed.youthConfirmed());
		return new ApplicationContent(content.title(), content.summary(), content.description(), content.actionField(),
				content.targetGroups(), content.expectedParticipants(), content.startDate(), content.endDate(),
				applicant, content.costs(), content.income(), content.requestedAmount(), content.declarations());
	}

	public ApplicationDetail submit(GrantsUser user, String id) {
		ApplicationDetail application = this.access.application(user, id);
		return change(user, application, new SubmitApplicationCommand(application.id(), user.username()));
	}

	public ApplicationDetail withdraw(GrantsUser user, String id, String reason) {
		ApplicationDetail application = this.access.application(user, id);
		return change(user, application, new WithdrawApplicationCommand(application.id(), user.username(), reason));
	}

	public ApplicationDetail formalCheck(GrantsUser user, String id, FormalCheckOutcome outcome, String note) {
		ApplicationDetail application = this.access.application(user, id);
		return change(user, application, new PerformFormalCheckCommand(application.id(), outcome, note));
	}

	public ApplicationDetail detail(GrantsUser user, String id) {
		return this.access.application(user, id);
	}

	public List<ApplicationSummary> list(GrantsUser user, String fundId, ApplicationStatus status) {
		return this.access.applications(user, fundId, status)
			.map(query -> this.queries.query(query, ResponseTypes.multipleInstancesOf(ApplicationSummary.class)).join())
			.orElse(List.of());
	}

	/**
	 * The processing times of one fund the user may see ({@code fundId} null: of all
	 * funds of the user's partnership) for the stages that ended between {@code from} and
	 * {@code to}; roles are checked by the adapter (staff, auditors).
	 */
	public ProcessingTimes processingTimes(GrantsUser user, String fundId, LocalDate from, LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw ApiException.badInput("from", "Der Beginn des Zeitraums liegt nach seinem Ende / from is after to");
		}
		FundId fund = fundId == null ? null : this.access.fund(user, fundId, null).id();
		return this.queries.query(new FindProcessingTimesQuery(fund, user.partnershipId(), from, to,
				// the partnership's target for ready → decision, in days
				this.settings.processingTimeTargetDays(user)), ResponseTypes.instanceOf(ProcessingTimes.class))
			.join();
	}

	/**
	 * Sends a command about an application the user may see and returns the application
	 * as it is afterwards: the one "check, send, re-read" of every application use case.
	 */
	public ApplicationDetail change(GrantsUser user, ApplicationDetail application, Object command) {
		return this.reads.write(watches(user, application.id(), application.fundId()),
				() -> this.commands.sendAndWait(command),
				() -> this.access.application(user, application.id().value()));
	}

	/**
	 * As {@link #change}, for a decision: an approval asks the fund for the money, and
	 * the answer (reserved, or a place on the waiting list) is awaited too.
	 */
	public ApplicationDetail decide(GrantsUser user, ApplicationDetail application, Object command) {
		return this.reads.write(watches(user, application.id(), application.fundId()),
				() -> this.commands.sendAndWait(command), () -> this.access.application(user, application.id().value()),
				ApplicationUseCases::fundHasAnswered);
	}

	/**
	 * The application's row, and its fund's figures: the fund books an application's
	 * money in the same unit of work, and answers its approval.
	 */
	private static List<Watch> watches(GrantsUser user, ApplicationId application, FundId fund) {
		return List.of(Watch.application(application, user.partnershipId()), Watch.fund(fund, user.partnershipId()));
	}

	/**
	 * An approval is settled once its fund has answered: money reserved, or a place on
	 * the list.
	 */
	static boolean fundHasAnswered(ApplicationDetail application) {
		return application.status() != ApplicationStatus.APPROVED || application.grant() == null
				|| application.grant().fundsReserved() || application.grant().waitlistPosition() != null;
	}

}
