-- Documents attached to applications (offers, receipts, photos, the signed grant notice).
-- The content lives in the database, so that a backup holds it (EventStoreBackup); the event
-- DocumentAttached carries its SHA-256. A row is written before the command that attaches it
-- and deleted again if the command is refused (ADR 0008); only documents the application's
-- events name are ever listed or served.
CREATE TABLE document_content (
    document_id    VARCHAR(100)             NOT NULL PRIMARY KEY,
    application_id VARCHAR(100)             NOT NULL,
    content        BYTEA                    NOT NULL,
    sha256         VARCHAR(64)              NOT NULL,
    media_type     VARCHAR(100)             NOT NULL,
    size_bytes     BIGINT                   NOT NULL,
    uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_document_content_application ON document_content (application_id);

-- The read model of an application's documents (projection of DocumentAttached and
-- DocumentRemoved, processing group "applications"): derived, rebuilt by a replay.
CREATE TABLE application_document (
    document_id     VARCHAR(100)             NOT NULL PRIMARY KEY,
    application_id  VARCHAR(100)             NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    file_name       VARCHAR(200)             NOT NULL,
    media_type      VARCHAR(100)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    sha256          VARCHAR(64)              NOT NULL,
    attached_by     VARCHAR(100),
    attached_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    sequence_number BIGINT                   NOT NULL
);
CREATE INDEX ix_application_document_application ON application_document (application_id, sequence_number);
