CREATE SCHEMA audit;

-- Who did what to which record, from where, with what outcome. Rows are only ever inserted: see the trigger below.
CREATE TABLE audit.audit_event
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      TIMESTAMPTZ NOT NULL,
    actor_account_id UUID,
    actor            TEXT CHECK (length(actor) <= 320),
    action           TEXT        NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    target_type      TEXT CHECK (length(target_type) <= 100),
    target_id        TEXT CHECK (length(target_id) <= 200),
    ip_address       TEXT CHECK (length(ip_address) <= 100),
    outcome          TEXT        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    details          JSONB       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object')
);

-- The administrator page reads newest first; investigations ask "what did this account do" and "who touched this record".
CREATE INDEX audit_event_by_time ON audit.audit_event (occurred_at);
CREATE INDEX audit_event_by_actor ON audit.audit_event (actor_account_id, occurred_at);
CREATE INDEX audit_event_by_target ON audit.audit_event (target_type, target_id, occurred_at);
-- The page also filters by action code.
CREATE INDEX audit_event_by_action ON audit.audit_event (action, occurred_at);

-- A trail that can be edited proves nothing: refuse UPDATE, DELETE and TRUNCATE for every role the application
-- uses. Statement-level, so even a statement that would touch no row fails and a mistake shows up in tests.
CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit.audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Record a new audit event instead of changing an old one.';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE
    ON audit.audit_event
    FOR EACH STATEMENT
EXECUTE FUNCTION audit.refuse_change();
