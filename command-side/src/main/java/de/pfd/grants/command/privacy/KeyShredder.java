package de.pfd.grants.command.privacy;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import de.pfd.grants.persistence.privacy.GrantFileShredder;
import de.pfd.grants.shared.privacy.PersonalDataErased;

/**
 * Deletes the subject's key (and the grant file's document contents) when its erasure is
 * stored: a subscribing processor, so it runs in the unit of work and the transaction
 * that append the event to the embedded JDBC store: both commit or neither. With Axon
 * Server the event store is not in that transaction; the query side's
 * {@code ErasureFollowUp} repeats it at least once (ADR 0012).
 */
@Component
@ProcessingGroup(KeyShredder.GROUP)
class KeyShredder {

	static final String GROUP = "personal-data-keys";

	private final GrantFileShredder shredder;

	KeyShredder(GrantFileShredder shredder) {
		this.shredder = shredder;
	}

	@EventHandler
	void on(PersonalDataErased event) {
		this.shredder.shred(event);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Autowired
		void subscribing(EventProcessingConfigurer processing) {
			processing.registerSubscribingEventProcessor(GROUP);
		}

	}

}
