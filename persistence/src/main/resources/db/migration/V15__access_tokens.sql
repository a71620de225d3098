-- Personal access tokens of API clients. The secret is shown once, when it is made; only
-- its SHA-256 hash is stored (hex), so a copy of this table signs nobody in. A revoked
-- token keeps its row (revoked_at) as a record of who had access until when.
CREATE TABLE access_token (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    username     VARCHAR(320)             NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    name         VARCHAR(100)             NOT NULL,
    token_hash   CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX access_token_hash ON access_token (token_hash);
CREATE INDEX access_token_owner ON access_token (username);
