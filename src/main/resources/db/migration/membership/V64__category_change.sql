-- Segment history (RULES.md §1, §4): a member moved from one segment to the other, e.g. a wage earner (PU) whose
-- employment ended and who now works informally is reactivated as BPU, or a lapsed informal worker (BPU) is registered
-- by an employer. Who (NULL = the platform itself), when, why, and the programs and income taken on. Rows are only
-- added; the member row holds the segment in force.
CREATE TABLE membership.category_change
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id       UUID        NOT NULL REFERENCES membership.member (id),
    from_category   TEXT CHECK (from_category IN ('PU', 'BPU')),
    to_category     TEXT        NOT NULL CHECK (to_category IN ('PU', 'BPU')),
    programs        TEXT[]      NOT NULL,
    declared_income BIGINT CHECK (declared_income > 0),
    effective       DATE        NOT NULL,
    reason          TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    by_account      UUID,
    by_actor        TEXT        NOT NULL CHECK (length(by_actor) <= 320),
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX category_change_member ON membership.category_change (member_id, id);
