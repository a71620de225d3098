-- Organisations are identities (read model of the Organisation aggregate): one row per
-- organisation, also for a merged duplicate (merged_into: the surviving organisation, always
-- the final one), and the accounts that belong to each (as linked; a merged duplicate's
-- accounts belong to its survivor when read).
CREATE TABLE organisation_view (
    organisation_id VARCHAR(100)             NOT NULL PRIMARY KEY,
    partnership_id  VARCHAR(64)              NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    legal_form      VARCHAR(30)              NOT NULL,
    address         VARCHAR(500),
    contact_name    VARCHAR(200),
    email           VARCHAR(254),
    merged_into     VARCHAR(100),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_organisation_view_partnership ON organisation_view (partnership_id, name);
CREATE INDEX ix_organisation_view_merged_into ON organisation_view (merged_into);

CREATE TABLE organisation_member (
    organisation_id VARCHAR(100) NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (organisation_id, username)
);
CREATE INDEX ix_organisation_member_username ON organisation_member (username);

-- the organisation an application is filed for (null for applications from before)
ALTER TABLE application_view ADD COLUMN organisation_id VARCHAR(100);

-- the organisations a body's member represents, by id (comma-separated; null: none)
ALTER TABLE decision_body_member ADD COLUMN organisation_ids VARCHAR(2000);
