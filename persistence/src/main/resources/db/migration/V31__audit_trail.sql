-- The audit trail's read table (projection "audit-trail" of every event, query side): one row per
-- stored event with who did it (the metadata's acting user and role), where it belongs (the
-- partnership, application and fund, for the filters and the scoping) and its payload as JSON.
-- Derived from the event store, which stays the source of truth: a replay rebuilds it (ADR 0009).
CREATE TABLE audit_event (
    event_id        VARCHAR(100)             NOT NULL PRIMARY KEY,
    global_position BIGINT                   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    aggregate_type  VARCHAR(100),
    aggregate_id    VARCHAR(100),
    sequence_number BIGINT,
    event_type      VARCHAR(100)             NOT NULL,
    revision        VARCHAR(20),
    actor           VARCHAR(100),
    actor_role      VARCHAR(20),
    correlation_id  VARCHAR(100),
    causation_id    VARCHAR(100),
    partnership_id  VARCHAR(64),
    application_id  VARCHAR(100),
    fund_id         VARCHAR(100),
    payload_json    TEXT                     NOT NULL
);
CREATE INDEX ix_audit_event_position ON audit_event (partnership_id, global_position);
CREATE INDEX ix_audit_event_application ON audit_event (application_id, global_position);
CREATE INDEX ix_audit_event_fund ON audit_event (fund_id, global_position);
CREATE INDEX ix_audit_event_actor ON audit_event (partnership_id, actor, global_position);
CREATE INDEX ix_audit_event_type ON audit_event (partnership_id, event_type, global_position);
CREATE INDEX ix_audit_event_time ON audit_event (partnership_id, occurred_at);
CREATE INDEX ix_audit_event_correlation ON audit_event (correlation_id, global_position);

-- Where each aggregate belongs, learnt from its first event that names a partnership
-- (FundOpened, ApplicationDrafted, DecisionBodyEstablished, ...): later events of it name
-- only their own id.
CREATE TABLE audit_scope (
    aggregate_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    partnership_id VARCHAR(64)  NOT NULL,
    fund_id        VARCHAR(100),
    application_id VARCHAR(100)
);
