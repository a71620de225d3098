-- Accounts. Passwords only as BCrypt hashes. Every account belongs to one partnership.
CREATE TABLE app_user (
    username       VARCHAR(64)              NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(100)             NOT NULL,
    role           VARCHAR(20)              NOT NULL,
    partnership_id VARCHAR(64)              NOT NULL,
    decision_body  VARCHAR(20),
    display_name   VARCHAR(200)             NOT NULL,
    organisation   VARCHAR(200),
    enabled        BOOLEAN                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
