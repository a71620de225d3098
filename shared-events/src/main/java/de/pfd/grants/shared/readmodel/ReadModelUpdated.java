package de.pfd.grants.shared.readmodel;

/**
 * An update of a subscription query: the read model that answers it has applied the event
 * with this sequence number of this aggregate. Read-your-writes waits for it instead of
 * polling.
 */
public record ReadModelUpdated(String aggregateId, long sequenceNumber) {
}
