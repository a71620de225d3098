package de.pfd.grants.command.organisation;

import static de.pfd.grants.command.common.Checks.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.organisation.AccountLinkedToOrganisation;
import de.pfd.grants.shared.organisation.LinkAccountToOrganisationCommand;
import de.pfd.grants.shared.organisation.MergeOrganisationCommand;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationMerged;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.organisation.RegisterOrganisationCommand;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * An organisation of a partnership (Verein, Initiative, Jugendgruppe, institution, or a
 * private person applying as themself): an identity with an id, so that applications,
 * members of the bodies and conflicts of interest refer to it by id, never by how its
 * name is spelt. Accounts belong to it by events; a duplicate is merged into the
 * organisation that survives and from then on resolves to it.
 */
@Aggregate
public class Organisation {

	static final int MAX_NAME = 200;

	static final int MAX_ADDRESS = 500;

	static final int MAX_CONTACT = 200;

	static final int MAX_EMAIL = 254;

	@AggregateIdentifier
	private OrganisationId organisationId;

	private PartnershipId partnershipId;

	private OrganisationId mergedInto;

	private Set<String> members;

	protected Organisation() {
	}

	@CommandHandler
	public Organisation(RegisterOrganisationCommand command) {
		String name = OrganisationRules.name(command.name());
		check(command.legalForm() != null, ErrorCode.INVALID_INPUT, "Rechtsform fehlt / legalForm is required",
				"legalForm");
		apply(new OrganisationRegistered(command.organisationId(), command.partnershipId(), name, command.legalForm(),
				OrganisationRules.optional(command.address(), MAX_ADDRESS, "address"),
				OrganisationRules.optional(command.contactName(), MAX_CONTACT, "contactName"),
				OrganisationRules.optional(command.email(), MAX_EMAIL, "email")));
		if (command.firstMember() != null) {
			apply(new AccountLinkedToOrganisation(command.organisationId(),
					OrganisationRules.username(command.firstMember())));
		}
	}

	@CommandHandler
	public void handle(LinkAccountToOrganisationCommand command) {
		requireNotMerged();
		String username = OrganisationRules.username(command.username());
		if (this.members.contains(username)) {
			return;
		}
		apply(new AccountLinkedToOrganisation(this.organisationId, username));
	}

	/**
	 * The duplicate is merged into an organisation of the same partnership that is not
	 * merged itself (so that ids resolve in one direction, never in a circle).
	 */
	@CommandHandler
	public void handle(MergeOrganisationCommand command, Organisations organisations) {
		requireNotMerged();
		check(command.into() != null && !command.into().equals(this.organisationId), ErrorCode.INVALID_INPUT,
				"Eine Organisation kann nicht mit sich selbst zusammengeführt werden / an organisation cannot be merged "
						+ "into itself",
				"into");
		Organisations.Known survivor = organisations.find(command.into())
			.filter(known -> known.partnershipId().equals(this.partnershipId))
			.orElseThrow(() -> new RuleViolationException(ErrorCode.INVALID_INPUT,
					"Unbekannte Organisation / unknown organisation", "into"));
		check(survivor.mergedInto() == null, ErrorCode.CONFLICT,
				"Die Ziel-Organisation ist selbst zusammengeführt / the organisation to merge into was merged itself",
				"into");
		apply(new OrganisationMerged(this.organisationId, command.into()));
	}

	/** What others need to know of this organisation. */
	public Organisations.Known known() {
		return new Organisations.Known(this.organisationId, this.partnershipId, this.mergedInto);
	}

	private void requireNotMerged() {
		check(this.mergedInto == null, ErrorCode.CONFLICT, "Die Organisation wurde zusammengeführt in "
				+ this.mergedInto + " / the organisation was merged into " + this.mergedInto);
	}

	@EventSourcingHandler
	void on(OrganisationRegistered event) {
		this.organisationId = event.organisationId();
		this.partnershipId = event.partnershipId();
		this.members = new LinkedHashSet<>();
	}

	@EventSourcingHandler
	void on(AccountLinkedToOrganisation event) {
		this.members.add(event.username());
	}

	@EventSourcingHandler
	void on(OrganisationMerged event) {
		this.mergedInto = event.into();
	}

}
