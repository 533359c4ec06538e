CREATE SCHEMA document;

-- Uploaded files, sealed (AES-256-GCM by the platform's PersonalData). The name the browser gave is never kept: a
-- file is known by its id, its owner and its kind; its type was decided from its content.
CREATE TABLE document.document
(
    id               UUID PRIMARY KEY,
    owner_account_id UUID        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('KTP', 'KK')),
    content_type     TEXT        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes       INTEGER     NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    sha256           BYTEA       NOT NULL CHECK (octet_length(sha256) = 32),
    sealed           BYTEA       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX document_by_owner ON document.document (owner_account_id, kind, created_at);
