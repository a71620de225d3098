package de.pfd.grants.query.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import de.pfd.grants.persistence.privacy.GrantFileShredder;
import de.pfd.grants.shared.privacy.PersonalDataErased;

/**
 * Every stored erasure shreds its key at least once, also where the command side's
 * transaction did not hold the event store (Axon Server) or failed after the append: a
 * tracking processor, idempotent, so a replay changes nothing (ADR 0012).
 */
@Component
@ProcessingGroup(ErasureFollowUp.GROUP)
class ErasureFollowUp {

	static final String GROUP = "personal-data-erasures";

	private final GrantFileShredder shredder;

	ErasureFollowUp(GrantFileShredder shredder) {
		this.shredder = shredder;
	}

	@EventHandler
	void on(PersonalDataErased event) {
		this.shredder.shred(event);
	}

}
