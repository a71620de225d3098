-- Read model of the applications (query side). Updates are guarded by the application's event
-- sequence number and history rows are keyed by it, so replays and redeliveries change nothing.

CREATE TABLE application_view (
    application_id   VARCHAR(100)             NOT NULL PRIMARY KEY,
    partnership_id   VARCHAR(64)              NOT NULL,
    fund_id          VARCHAR(100)             NOT NULL,
    owner            VARCHAR(64)              NOT NULL,
    organisation     VARCHAR(300),
    title            VARCHAR(300),
    status           VARCHAR(30)              NOT NULL,
    requested_amount NUMERIC(14, 2),
    version          INTEGER                  NOT NULL,
    -- once accepted by the formal check, the deciding body sees it
    before_body      BOOLEAN                  NOT NULL,
    content_json     TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    status_since     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence    BIGINT                   NOT NULL
);
CREATE INDEX ix_application_view_fund ON application_view (fund_id, status);
CREATE INDEX ix_application_view_owner ON application_view (partnership_id, owner);

CREATE TABLE application_history (
    application_id  VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    status          VARCHAR(30)              NOT NULL,
    version         INTEGER                  NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100),
    note            VARCHAR(4000),
    PRIMARY KEY (application_id, sequence_number)
);

CREATE TABLE application_version (
    application_id   VARCHAR(100)             NOT NULL,
    version          INTEGER                  NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_amount NUMERIC(14, 2),
    content_json     TEXT                     NOT NULL,
    PRIMARY KEY (application_id, version)
);

CREATE TABLE formal_check (
    application_id VARCHAR(100)             NOT NULL,
    version        INTEGER                  NOT NULL,
    fund_id        VARCHAR(100)             NOT NULL,
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(20)              NOT NULL,
    PRIMARY KEY (application_id, version)
);
CREATE INDEX ix_formal_check_fund ON formal_check (fund_id);
