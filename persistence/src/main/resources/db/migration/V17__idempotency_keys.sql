-- What each Idempotency-Key was first used for (a hash of the request), so that the same key
-- with a different request is refused instead of silently answered with the first result.
CREATE TABLE idempotency_key (
    operation_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    request_hash VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
