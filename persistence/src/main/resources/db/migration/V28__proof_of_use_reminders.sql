-- Reminders mailed to applicants before their proof of use falls due, one per application, kind
-- and due day: the row is inserted in the transaction that queues the mail, so a reminder is mailed
-- once, also when several nodes look at the same time (the second insert finds the key taken).
CREATE TABLE proof_reminder (
    application_id VARCHAR(100)             NOT NULL,
    kind           VARCHAR(30)              NOT NULL,
    due_on         DATE                     NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, kind, due_on)
);
-- the reminders look for grants by the day their proof of use is due
CREATE INDEX ix_application_view_proof_due ON application_view (proof_due_on);
