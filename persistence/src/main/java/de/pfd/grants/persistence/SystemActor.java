package de.pfd.grants.persistence;

import java.util.Map;

import org.axonframework.messaging.MetaData;

/**
 * The actor of what a process or a deadline does on its own (a waiting-list approval
 * funded by someone else's withdrawal, a circular vote closed at its deadline): the
 * system, never the user whose action set it off. The causing event stays traceable: its
 * id is the message's {@code correlationId}.
 */
public final class SystemActor {

	public static final String NAME = "system";

	public static final String ROLE = "SYSTEM";

	/** Metadata that names the system as actor; overrides the copied user. */
	public static final MetaData METADATA = MetaData
		.from(Map.of(AxonJdbcSchemaAutoConfiguration.USER_ID, NAME, AxonJdbcSchemaAutoConfiguration.USER_ROLE, ROLE));

	private SystemActor() {
	}

}
