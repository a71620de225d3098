-- Crypto-shredding (ADR 0012): one AES-256 key per data subject (application:<id>,
-- organisation:<id>, account:<username>), outside the event table. Erasure sets secret to
-- NULL and keeps the row: the proof of the erasure, and no new key is ever made for it.
CREATE TABLE subject_key (
    subject    VARCHAR(200)             NOT NULL PRIMARY KEY,
    secret     BYTEA,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT subject_key_secret_xor_erased CHECK ((secret IS NULL) = (erased_at IS NOT NULL))
);
