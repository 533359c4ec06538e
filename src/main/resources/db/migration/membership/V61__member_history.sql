-- Status history (RULES.md §4): every lapse and every reactivation of a member, who decided it (NULL = the platform's
-- own job), when and why. Rows are only ever added.
CREATE TABLE membership.status_change
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   UUID        NOT NULL REFERENCES membership.member (id),
    status      TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'NON_ACTIVE')),
    effective   DATE        NOT NULL,
    reason      TEXT        NOT NULL CHECK (length(reason) <= 500),
    by_account  UUID,
    by_actor    TEXT        NOT NULL CHECK (length(by_actor) <= 320),
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_change_member ON membership.status_change (member_id, id);

-- Data an officer updates at a branch (domicile address, active phone, employment status): every value ever set,
-- with who, when and why. The value in force is the latest row per field; nothing is overwritten.
CREATE TABLE membership.detail_change
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   UUID        NOT NULL REFERENCES membership.member (id),
    field       TEXT        NOT NULL CHECK (field IN ('DOMICILE_ADDRESS', 'ACTIVE_PHONE', 'EMPLOYMENT_STATUS')),
    value       TEXT        NOT NULL CHECK (length(value) <= 300),
    reason      TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    by_account  UUID        NOT NULL,
    by_actor    TEXT        NOT NULL CHECK (length(by_actor) <= 320),
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX detail_change_member ON membership.detail_change (member_id, field, id);

-- Members who lapsed before the history existed: their lapse, as recorded on the member.
INSERT INTO membership.status_change (member_id, status, effective, reason, by_account, by_actor, recorded_at)
SELECT id, 'NON_ACTIVE', lapsed_on, lapse_reason, NULL, 'system', now()
  FROM membership.member WHERE status = 'NON_ACTIVE' AND lapsed_on IS NOT NULL AND lapse_reason IS NOT NULL;
