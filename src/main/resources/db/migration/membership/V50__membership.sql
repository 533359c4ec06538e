CREATE SCHEMA membership;

-- An application for membership, from the first saved step of the "Aktivasi" wizard to the officer's decision.
-- NIK and KK are stored sealed (AES-256-GCM by the platform's PersonalData) with a keyed hash beside each, so they
-- can be found and kept unique without decrypting anything.
CREATE TABLE membership.application
(
    id                 UUID PRIMARY KEY,
    account_id         UUID        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED',
                                                              'APPROVED', 'REJECTED', 'WITHDRAWN')),
    nik_sealed         BYTEA,
    nik_hash           BYTEA CHECK (octet_length(nik_hash) = 32),
    kk_sealed          BYTEA,
    kk_hash            BYTEA CHECK (octet_length(kk_hash) = 32),
    full_name          TEXT CHECK (length(full_name) <= 100),
    birth_place        TEXT CHECK (length(birth_place) <= 100),
    birth_date         DATE,
    gender             TEXT CHECK (gender IN ('MALE', 'FEMALE')),
    mother_maiden_name TEXT CHECK (length(mother_maiden_name) <= 100),
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            INTEGER     NOT NULL DEFAULT 0,
    CHECK ((nik_sealed IS NULL) = (nik_hash IS NULL)),
    CHECK ((kk_sealed IS NULL) = (kk_hash IS NULL))
);

-- One open application per account and per person: a double submit or a second device creates nothing twice.
CREATE UNIQUE INDEX application_open_per_account ON membership.application (account_id)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED');
CREATE UNIQUE INDEX application_open_per_nik ON membership.application (nik_hash)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED');
