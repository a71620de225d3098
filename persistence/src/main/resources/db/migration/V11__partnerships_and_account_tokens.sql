-- The partnerships of the installation (read model of PartnershipRegistered).
CREATE TABLE partnership_view (
    partnership_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    name           VARCHAR(200)             NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time links sent by e-mail (verification, invitation, password reset, change of
-- address): only a SHA-256 hash of the secret is kept; a link works once and expires.
CREATE TABLE account_token (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    kind       VARCHAR(20)              NOT NULL,
    username   VARCHAR(320)             NOT NULL,
    new_email  VARCHAR(320),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_token_user ON account_token (username, kind);
