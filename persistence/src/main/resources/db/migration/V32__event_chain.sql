-- Tamper evidence (ADR 0011): every stored event gets a row here in the transaction that
-- appends it. hash = SHA-256(previous hash of the same aggregate || the event's canonical
-- stored form); global_hash = SHA-256(previous global_hash || hash) in global_index order,
-- filled by the periodic anchor. No foreign key on purpose: a deleted event must leave its
-- chain row behind, which is how verification finds it.
CREATE TABLE event_chain (
    global_index         BIGINT                   NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255)             NOT NULL,
    aggregate_identifier VARCHAR(255)             NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    hash                 CHAR(64)                 NOT NULL,
    chained_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    global_hash          CHAR(64),
    -- the previous hash of an aggregate is found by (aggregate, sequence - 1)
    CONSTRAINT uk_event_chain_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

-- The anchor's progress (one row, also its lock: one anchoring writer at a time on any
-- number of nodes): every chain row up to anchored_position carries its global_hash, and
-- head_hash is the global_hash at that position. Derived from event_chain (a restore
-- recomputes it), kept for the fund statement and the anchor's next run.
CREATE TABLE event_chain_anchor (
    id                INTEGER                  NOT NULL PRIMARY KEY,
    anchored_position BIGINT                   NOT NULL,
    head_hash         CHAR(64),
    anchored_at       TIMESTAMP WITH TIME ZONE
);
INSERT INTO event_chain_anchor (id, anchored_position) VALUES (1, 0);
