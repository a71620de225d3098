-- Read model of the funds (query side). One row per fund, one row per money movement; the figures
-- are sums over the movements, which makes them replay-safe (a movement is keyed by the fund's
-- event sequence number) and gives the figures "as of" any instant for free.

CREATE TABLE fund_view (
    fund_id          VARCHAR(100)             NOT NULL PRIMARY KEY,
    partnership_id   VARCHAR(64)              NOT NULL,
    fund_type        VARCHAR(20)              NOT NULL,
    fund_year        INTEGER                  NOT NULL,
    decision_body    VARCHAR(20)              NOT NULL,
    per_project_cap  NUMERIC(14, 2),
    fast_track_limit NUMERIC(14, 2),
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_fund_view_partnership ON fund_view (partnership_id, fund_year);

CREATE TABLE fund_movement (
    fund_id         VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    movement_type   VARCHAR(30)              NOT NULL,
    application_id  VARCHAR(100),
    amount          NUMERIC(14, 2)           NOT NULL,
    budget_delta    NUMERIC(14, 2)           NOT NULL,
    reserved_delta  NUMERIC(14, 2)           NOT NULL,
    paid_delta      NUMERIC(14, 2)           NOT NULL,
    released_delta  NUMERIC(14, 2)           NOT NULL,
    refunded_delta  NUMERIC(14, 2)           NOT NULL,
    lapsed_delta    NUMERIC(14, 2)           NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    note            VARCHAR(2000),
    actor           VARCHAR(100),
    PRIMARY KEY (fund_id, sequence_number)
);
CREATE INDEX ix_fund_movement_time ON fund_movement (fund_id, occurred_at);
