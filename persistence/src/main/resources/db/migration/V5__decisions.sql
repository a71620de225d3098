-- Decisions: the persistent deadline store (db-scheduler, used by Axon's DbSchedulerDeadlineManager
-- so that a circular vote closes at its deadline even after a restart) and the read models of
-- decision bodies, votes and decisions.

CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(250)             NOT NULL,
    task_instance        VARCHAR(250)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time ASC);

CREATE TABLE decision_body_view (
    body_id           VARCHAR(100) NOT NULL PRIMARY KEY,
    partnership_id    VARCHAR(64)  NOT NULL,
    body_type         VARCHAR(20)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    rule_version      INTEGER      NOT NULL,
    quorum_percent    INTEGER      NOT NULL,
    circular_duration VARCHAR(40)  NOT NULL,
    last_sequence     BIGINT       NOT NULL
);

CREATE TABLE decision_body_member (
    body_id      VARCHAR(100) NOT NULL,
    username     VARCHAR(64)  NOT NULL,
    name         VARCHAR(200),
    organisation VARCHAR(200),
    voting       BOOLEAN      NOT NULL,
    PRIMARY KEY (body_id, username)
);

-- one row per member and vote round: the snapshot taken when the vote opened, then their choice
CREATE TABLE vote_view (
    application_id VARCHAR(100) NOT NULL,
    round          INTEGER      NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    choice         VARCHAR(10),
    recused        BOOLEAN      NOT NULL,
    automatic      BOOLEAN      NOT NULL,
    reason         VARCHAR(2000),
    at             TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (application_id, round, username)
);

CREATE TABLE open_vote (
    application_id VARCHAR(100)             NOT NULL PRIMARY KEY,
    round          INTEGER                  NOT NULL,
    body_type      VARCHAR(20)              NOT NULL,
    procedure      VARCHAR(10)              NOT NULL,
    closes_at      TIMESTAMP WITH TIME ZONE,
    version        INTEGER                  NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE decision_view (
    application_id  VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    fund_id         VARCHAR(100)             NOT NULL,
    outcome         VARCHAR(20)              NOT NULL,
    decided_by      VARCHAR(20)              NOT NULL,
    approved_amount NUMERIC(14, 2),
    conditions      VARCHAR(4000),
    note            VARCHAR(4000),
    yes_votes       INTEGER,
    no_votes        INTEGER,
    abstentions     INTEGER,
    eligible        INTEGER,
    participating   INTEGER,
    quorum_required INTEGER,
    quorum_reached  BOOLEAN,
    recused         VARCHAR(2000),
    version         INTEGER                  NOT NULL,
    rule_version    INTEGER                  NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, sequence_number)
);
CREATE INDEX ix_decision_view_fund ON decision_view (fund_id);

ALTER TABLE application_view ADD COLUMN approved_amount NUMERIC(14, 2);
ALTER TABLE application_view ADD COLUMN conditions VARCHAR(4000);
ALTER TABLE application_view ADD COLUMN funds_reserved BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE application_view ADD COLUMN waitlist_position INTEGER;
ALTER TABLE application_view ADD COLUMN notice_reference VARCHAR(200);
ALTER TABLE application_view ADD COLUMN notice_issued_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE application_view ADD COLUMN notice_confirmed_at TIMESTAMP WITH TIME ZONE;
