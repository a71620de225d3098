-- Value dates of the fund's movements: a payout's paidOn, a refund's receivedOn, for every other
-- booking the day of its entry in the partnership's calendar. entry_id links a payout or refund
-- movement to the grant's record of it, which carries the date; fund_value_date keeps that date
-- whichever of the two events is projected first. Movements entered before this version get the
-- day of their entry (in the database's zone) until the fund projection is replayed.
ALTER TABLE fund_movement ADD COLUMN value_date DATE;
ALTER TABLE fund_movement ADD COLUMN entry_id VARCHAR(200);
UPDATE fund_movement SET value_date = CAST(occurred_at AS DATE);
CREATE INDEX ix_fund_movement_value_date ON fund_movement (fund_id, value_date);
CREATE INDEX ix_fund_movement_entry ON fund_movement (fund_id, application_id, entry_id);

CREATE TABLE fund_value_date (
    fund_id        VARCHAR(100) NOT NULL,
    application_id VARCHAR(100) NOT NULL,
    entry_id       VARCHAR(200) NOT NULL,
    value_date     DATE         NOT NULL,
    PRIMARY KEY (fund_id, application_id, entry_id)
);

-- Refund claims: one per grant, from a settlement that paid too much (ProofOfUseAccepted with
-- refundDue) or a cancelled project (GrantCancelled with refundDue), with the day it arose. Its
-- refunds, due day, overdue flag and interest are computed when asked (grant_payment holds the
-- refunds with their value dates). Claims from before this version arose on the day recorded.
CREATE TABLE refund_claim (
    application_id VARCHAR(100)             NOT NULL PRIMARY KEY,
    fund_id        VARCHAR(100)             NOT NULL,
    kind           VARCHAR(20)              NOT NULL,
    amount         NUMERIC(14, 2)           NOT NULL,
    arisen_on      DATE                     NOT NULL,
    arisen_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO refund_claim (application_id, fund_id, kind, amount, arisen_on, arisen_at)
SELECT application_id, fund_id, 'SETTLEMENT', refund_claim, CAST(refund_claimed_at AS DATE), refund_claimed_at
FROM application_view WHERE refund_claim IS NOT NULL AND refund_claimed_at IS NOT NULL;
