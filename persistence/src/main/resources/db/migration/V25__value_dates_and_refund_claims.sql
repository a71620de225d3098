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
