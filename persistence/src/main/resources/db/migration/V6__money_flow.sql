-- Money flow: the funds' week counts (spending after payout, proof of use after the project), and
-- the grant's payout requests, payouts, proof of use, settlement and refunds in the read model.

ALTER TABLE fund_view ADD COLUMN spend_within_weeks INTEGER DEFAULT 6 NOT NULL;
ALTER TABLE fund_view ADD COLUMN proof_of_use_due_weeks INTEGER DEFAULT 6 NOT NULL;

ALTER TABLE application_view ADD COLUMN requested_payouts NUMERIC(14, 2) DEFAULT 0 NOT NULL;
ALTER TABLE application_view ADD COLUMN paid_amount NUMERIC(14, 2) DEFAULT 0 NOT NULL;
ALTER TABLE application_view ADD COLUMN spend_by DATE;
ALTER TABLE application_view ADD COLUMN proof_due_on DATE;
ALTER TABLE application_view ADD COLUMN proof_overdue BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE application_view ADD COLUMN proof_json TEXT;
ALTER TABLE application_view ADD COLUMN proof_submitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE application_view ADD COLUMN eligible_amount NUMERIC(14, 2);
ALTER TABLE application_view ADD COLUMN final_grant NUMERIC(14, 2);
ALTER TABLE application_view ADD COLUMN refund_claim NUMERIC(14, 2);
ALTER TABLE application_view ADD COLUMN refund_claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE application_view ADD COLUMN refunded_amount NUMERIC(14, 2) DEFAULT 0 NOT NULL;
ALTER TABLE application_view ADD COLUMN last_refund_on DATE;

-- every payout request and payout, keyed by the application's event sequence number (replay-safe)
CREATE TABLE grant_payment (
    application_id  VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    payment_id      VARCHAR(100)             NOT NULL,
    amount          NUMERIC(14, 2)           NOT NULL,
    purpose         VARCHAR(2000),
    paid_on         DATE,
    reference       VARCHAR(200),
    spend_by        DATE,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100),
    PRIMARY KEY (application_id, sequence_number)
);
