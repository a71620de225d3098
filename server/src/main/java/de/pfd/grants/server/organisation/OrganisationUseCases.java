package de.pfd.grants.server.organisation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.IdempotencyKeys;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.organisation.LinkAccountToOrganisationCommand;
import de.pfd.grants.shared.organisation.MergeOrganisationCommand;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationView;
import de.pfd.grants.shared.organisation.RegisterOrganisationCommand;

/**
 * The use cases of organisations: staff register the partnership's organisations, link
 * accounts to them and merge duplicates; an applicant registers their own (they belong to
 * it at once), also as a private person applying as themself. Everybody reads the
 * organisations the access policy shows them.
 */
@Service
public class OrganisationUseCases {

	/** What an organisation is described by. */
	public record Description(String name, LegalForm legalForm, String address, String contactName, String email) {
	}

	private final CommandGateway commands;

	private final ReadYourWrites reads;

	private final AccessPolicy access;

	private final AccountStore accounts;

	private final IdempotencyKeys idempotency;

	OrganisationUseCases(CommandGateway commands, ReadYourWrites reads, AccessPolicy access, AccountStore accounts,
			IdempotencyKeys idempotency) {
		this.commands = commands;
		this.reads = reads;
		this.access = access;
		this.accounts = accounts;
		this.idempotency = idempotency;
	}

	public List<OrganisationView> list(GrantsUser user) {
		return this.access.organisations(user);
	}

	/** The organisations the user acts for (belongs to), whatever the role. */
	public List<OrganisationView> own(GrantsUser user) {
		return this.access.organisationsOf(user);
	}

	public OrganisationView detail(GrantsUser user, String id) {
		return this.access.organisation(user, id);
	}

	/**
	 * A new organisation. Registered by an applicant, the applicant belongs to it; a
	 * private person (legal form {@code PRIVATE_PERSON}) may leave out the name: it is
	 * the account's display name. The same Idempotency-Key names the same organisation.
	 */
	public OrganisationView register(GrantsUser user, Description description, String idempotencyKey) {
		return register(user, description,
				new OrganisationId(this.idempotency.claim(user, "organisation", idempotencyKey, description)));
	}

	private OrganisationView register(GrantsUser user, Description description, OrganisationId id) {
		String name = description.name();
		if ((name == null || name.isBlank()) && description.legalForm() == LegalForm.PRIVATE_PERSON) {
			name = user.displayName();
		}
		String firstMember = user.role() == Role.APPLICANT ? user.username() : null;
		RegisterOrganisationCommand command = new RegisterOrganisationCommand(id, user.partnershipId(), name,
				description.legalForm(), description.address(), description.contactName(), description.email(),
				firstMember);
		return this.reads.write(List.of(Watch.organisation(id, user.partnershipId())), () -> {
			try {
				this.commands.sendAndWait(command);
			}
			catch (AggregateStreamCreationException ex) {
				// the same Idempotency-Key again: the organisation exists already
			}
		}, () -> this.access.organisation(user, id.value()));
	}

	/**
	 * An applicant's first application without an organisation: the organisation it names
	 * (name and legal form, or a private person applying as themself) is registered for
	 * the applicant.
	 */
	public OrganisationView registerFirst(GrantsUser applicant, Applicant named) {
		if (named == null || named.legalForm() == null
				|| ((named.organisation() == null) && named.legalForm() != LegalForm.PRIVATE_PERSON)) {
			throw ApiException.badInput("organisationId",
					"Noch keine Organisation: legen Sie eine an (POST /api/organisations) oder nennen Sie "
							+ "applicant.organisation und applicant.legalForm / no organisation yet: register one or "
							+ "name applicant.organisation and applicant.legalForm");
		}
		String name = named.organisation() != null ? named.organisation()
				: named.contactName() != null ? named.contactName() : applicant.displayName();
		// one id per applicant: two first applications at once (a double click) register
		// one
		OrganisationId first = new OrganisationId(
				UUID.nameUUIDFromBytes(("first-organisation\n" + applicant.username()).getBytes(StandardCharsets.UTF_8))
					.toString());
		return register(applicant,
				new Description(name, named.legalForm(), named.address(), named.contactName(), named.email()), first);
	}

	/** Staff link an account of the partnership (an applicant or a member) to it. */
	public OrganisationView link(GrantsUser user, String id, String username) {
		OrganisationView organisation = this.access.organisation(user, id);
		GrantsUser account = this.accounts.byUsername(username)
			.filter(found -> found.partnershipId().equals(user.partnershipId()))
			.orElseThrow(() -> ApiException.badInput("username", "Unbekanntes Konto / unknown account"));
		OrganisationId target = organisation.survivor();
		return this.reads.write(List.of(Watch.organisation(target, user.partnershipId())),
				() -> this.commands.sendAndWait(new LinkAccountToOrganisationCommand(target, account.username())),
				() -> this.access.organisation(user, target.value()));
	}

	/**
	 * Staff merge a duplicate into the organisation that survives (named by a merged id,
	 * its survivor); the answer is the survivor, listing the merged ids.
	 */
	public OrganisationView merge(GrantsUser user, String id, String into) {
		OrganisationView duplicate = this.access.organisation(user, id);
		OrganisationView target;
		try {
			target = this.access.organisation(user, into);
		}
		catch (ApiException ex) {
			throw ApiException.badInput("into", "Unbekannte Organisation / unknown organisation");
		}
		OrganisationId survivor = target.survivor();
		return this.reads.write(List.of(Watch.organisation(duplicate.id(), user.partnershipId())),
				() -> this.commands.sendAndWait(new MergeOrganisationCommand(duplicate.id(), survivor)),
				() -> this.access.organisation(user, survivor.value()));
	}

}
