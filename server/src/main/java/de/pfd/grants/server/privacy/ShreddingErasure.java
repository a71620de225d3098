package de.pfd.grants.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.privacy.ErasePersonalDataCommand;
import de.pfd.grants.shared.privacy.PersonalDataErased;

/**
 * Erasure by crypto-shredding (ADR 0012): the access policy admits staff of the
 * application's partnership, the application aggregate records {@link PersonalDataErased}
 * (refusing a second erasure and a missing or too long reason), and the key of the grant
 * file is deleted in the transaction that stores it. Returns once the application's read
 * model shows the erasure.
 */
@Service
class ShreddingErasure implements PersonalDataErasure {

	private final AccessPolicy access;

	private final CommandGateway commands;

	private final ReadYourWrites reads;

	private final Clock clock;

	@Autowired
	ShreddingErasure(AccessPolicy access, CommandGateway commands, ReadYourWrites reads) {
		this(access, commands, reads, Clock.systemUTC());
	}

	ShreddingErasure(AccessPolicy access, CommandGateway commands, ReadYourWrites reads, Clock clock) {
		this.access = access;
		this.commands = commands;
		this.reads = reads;
		this.clock = clock;
	}

	@Override
	public Erased eraseApplication(GrantsUser user, ApplicationId applicationId, String reason) {
		ApplicationDetail application = this.access.erasableApplication(user,
				applicationId == null ? null : applicationId.value());
		Instant at = this.clock.instant();
		this.reads.write(List.of(Watch.application(application.id(), user.partnershipId())),
				() -> this.commands
					.sendAndWait(new ErasePersonalDataCommand(application.id(), reason, user.username(), at)),
				() -> null);
		return new Erased(application.id(), PersonalDataErased.subjectOf(application.id()), at, user.username());
	}

}
