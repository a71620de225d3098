-- Payouts certified by one staff member and not yet released by another (four eyes, VV zu
-- § 70 BHO); a row leaves when the payout is released (PayoutRecorded of the same id).
CREATE TABLE pending_payout (
    application_id  VARCHAR(100)             NOT NULL,
    payout_id       VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    amount          NUMERIC(14, 2)           NOT NULL,
    paid_on         DATE,
    reference       VARCHAR(200),
    certified_by    VARCHAR(100),
    certified_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, payout_id)
);

-- A partnership's settings (read model of PartnershipSettingsChanged); no row: the defaults.
CREATE TABLE partnership_settings (
    partnership_id              VARCHAR(64) NOT NULL PRIMARY KEY,
    four_eyes_payouts           BOOLEAN     NOT NULL,
    processing_time_target_days INTEGER     NOT NULL
);

-- A reversal (compensating booking) names the payment it reverses, with its reason.
ALTER TABLE grant_payment ADD COLUMN reverses_id VARCHAR(100);
ALTER TABLE grant_payment ADD COLUMN reason VARCHAR(4000);
ALTER TABLE fund_view ADD COLUMN receipt_tolerance_days INTEGER DEFAULT 0 NOT NULL;
