CREATE SCHEMA reactivation;

-- Who opened a member's page at a branch, for "who looked at this member recently" (the audit trail offers no query
-- to other modules). Kept beside the audit entry written for the same view.
CREATE TABLE reactivation.member_view
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id     UUID        NOT NULL,
    officer_id    UUID        NOT NULL,
    officer_email TEXT        NOT NULL CHECK (length(officer_email) <= 320),
    viewed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_view_member ON reactivation.member_view (member_id, viewed_at DESC);

-- The documents a worker brought to a branch for one lapse (RULES.md §4: KTP, KK, the old card). Kept per lapse, so
-- a later lapse asks for them again.
CREATE TABLE reactivation.documents
(
    member_id   UUID        NOT NULL,
    lapsed_on   DATE        NOT NULL,
    ktp         BOOLEAN     NOT NULL,
    kk          BOOLEAN     NOT NULL,
    old_card    BOOLEAN     NOT NULL,
    recorded_by UUID        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, lapsed_on)
);

-- One reactivation per lapse: at a branch by an officer or online when a BPU member's arrears were settled.
CREATE TABLE reactivation.reactivation
(
    member_id      UUID        NOT NULL,
    lapsed_on      DATE        NOT NULL,
    reactivated_on DATE        NOT NULL,
    channel        TEXT        NOT NULL CHECK (channel IN ('BRANCH', 'ONLINE')),
    by_account     UUID,
    enrolled_from  TEXT CHECK (enrolled_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    recorded_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, lapsed_on)
);
