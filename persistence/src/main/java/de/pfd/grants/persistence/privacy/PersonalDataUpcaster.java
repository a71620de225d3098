package de.pfd.grants.persistence.privacy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.body.MemberAdded;
import de.pfd.grants.shared.document.DocumentAttached;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.VoteOpened;

/**
 * Revision 1 of the events that hold personal data stored it plain; revision 2 stores it
 * encrypted. The migration V34 encrypts the revision-1 events of the JDBC store in place
 * ({@link LegacyEventEncryption}); what is still read in revision 1 (an event store that
 * cannot be rewritten, such as Axon Server) is upcast here: each personal text is tagged
 * with its subject ({@code pd0:}), so that it reads as erased once the subject is. Pure:
 * no key is read or made.
 */
public class PersonalDataUpcaster extends SingleEventUpcaster {

	/** The events whose revision 1 holds personal data in plain form. */
	public static final List<Class<?>> PLAIN_IN_REVISION_1 = List.of(ApplicationDrafted.class,
			ApplicationDraftUpdated.class, ApplicationSubmitted.class, ApplicationWithdrawn.class, MemberRecused.class,
			DocumentAttached.class, OrganisationRegistered.class, MemberAdded.class, VoteOpened.class);

	public static final String PLAIN_REVISION = "1";

	public static final String ENCRYPTED_REVISION = "2";

	private static final Map<String, Class<?>> BY_NAME = PLAIN_IN_REVISION_1.stream()
		.collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

	/** The event type of a stored name whose revision holds personal data in plain. */
	public static Class<?> plainType(String payloadType, String revision) {
		return PLAIN_REVISION.equals(revision) ? BY_NAME.get(payloadType) : null;
	}

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation event) {
		return plainType(event.getType().getName(), event.getType().getRevision()) != null;
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
		Class<?> type = BY_NAME.get(event.getType().getName());
		return event.upcastPayload(new SimpleSerializedType(type.getName(), ENCRYPTED_REVISION), JsonNode.class,
				payload -> {
					JsonNode tagged = payload.deepCopy();
					PersonalDataTree.rewrite(tagged, type, PersonalDataCipher::tagLegacy);
					return tagged;
				});
	}

}
