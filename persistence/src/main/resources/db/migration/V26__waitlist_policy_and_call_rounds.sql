-- the waiting-list policy of each fund, versioned (version 0, the default STRICT_ORDER, is
-- not stored: every fund opens with it)
CREATE TABLE fund_waitlist_policy (
    fund_id  VARCHAR(100)             NOT NULL,
    version  INTEGER                  NOT NULL,
    policy   VARCHAR(30)              NOT NULL,
    since    TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by   VARCHAR(100),
    PRIMARY KEY (fund_id, version)
);

-- which policy (and version of the setting) decided a reservation
ALTER TABLE fund_movement ADD COLUMN waitlist_policy VARCHAR(30);
ALTER TABLE fund_movement ADD COLUMN waitlist_policy_version INTEGER;

-- call rounds (Förderrunden) of a fund, numbered from 1 in the order of their deadlines
CREATE TABLE fund_call_round (
    fund_id              VARCHAR(100) NOT NULL,
    round_number         INTEGER      NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    submission_deadline  DATE         NOT NULL,
    budget_share_percent INTEGER      NOT NULL,
    PRIMARY KEY (fund_id, round_number)
);
