-- Reminders mailed to members of a decision body before a circular vote closes, one per vote
-- round and member: the row is inserted in the transaction that queues the mail, so a member is
-- reminded once, also when several nodes look at the same time (the second insert finds the key
-- taken).
CREATE TABLE vote_reminder (
    application_id VARCHAR(100)             NOT NULL,
    round          BIGINT                   NOT NULL,
    username       VARCHAR(320)             NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, round, username)
);
-- the reminders look for circular votes by the time they close
CREATE INDEX ix_open_vote_closes_at ON open_vote (closes_at);
