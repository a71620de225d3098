-- Meetings of the partnership's bodies (steering board, youth forum) as staff plan them:
-- planning data, not events (ADR 0010). The votes and decisions taken at a meeting are the
-- applications' events (VoteOpened, VoteCast, MemberRecused, ApplicationDecided); a meeting
-- only names which applications it takes, in which order, and the amounts of its what-if.
CREATE TABLE meeting (
    meeting_id     VARCHAR(100)             NOT NULL PRIMARY KEY,
    partnership_id VARCHAR(100)             NOT NULL,
    fund_id        VARCHAR(100)             NOT NULL,
    body_type      VARCHAR(20)              NOT NULL,
    title          VARCHAR(200)             NOT NULL,
    held_on        DATE                     NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    created_by     VARCHAR(64)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    closed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_meeting_partnership ON meeting (partnership_id, held_on);

-- The agenda: one row per application, in the order of position (1, 2, ...); what_if_amount
-- is the amount staff enter for the what-if (null: the requested amount).
CREATE TABLE meeting_item (
    meeting_id     VARCHAR(100)  NOT NULL REFERENCES meeting (meeting_id) ON DELETE CASCADE,
    application_id VARCHAR(100)  NOT NULL,
    position       INTEGER       NOT NULL,
    what_if_amount NUMERIC(14, 2),
    PRIMARY KEY (meeting_id, application_id)
);
