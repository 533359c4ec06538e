-- Several KPJ cards of one person (job changes). Before online activation, and still when an employer registers a
-- worker who has no account, each registration issued its own KPJ: the person then holds older cards with the same
-- NIK. The uniqueness rule "a person is a member once" (V52: nik_hash UNIQUE) is read as "a person ACTIVATES ONLINE
-- once": at most one member per NIK of origin ONLINE (the account's own membership); cards of origin EMPLOYER or
-- LEGACY may share the NIK, carry no account and no application, and keep their own birth date. A signed-in member
-- links such a card to their account after proving NIK and birth date (membership.card_link); a card is linked at
-- most once, to one account, ever.
ALTER TABLE membership.member
    ADD COLUMN origin     TEXT NOT NULL DEFAULT 'ONLINE' CHECK (origin IN ('ONLINE', 'EMPLOYER', 'LEGACY')),
    ADD COLUMN birth_date DATE,
    ALTER COLUMN account_id DROP NOT NULL,
    ALTER COLUMN application_id DROP NOT NULL,
    ADD CONSTRAINT member_origin CHECK (
        (origin = 'ONLINE' AND account_id IS NOT NULL AND application_id IS NOT NULL)
        OR (origin <> 'ONLINE' AND account_id IS NULL AND application_id IS NULL AND birth_date IS NOT NULL)),
    DROP CONSTRAINT member_nik_hash_key;
CREATE UNIQUE INDEX member_online_nik ON membership.member (nik_hash) WHERE origin = 'ONLINE';
CREATE INDEX member_by_nik ON membership.member (nik_hash);

-- A card linked to an account by its holder (the account's own membership is not here: it is member.account_id).
CREATE TABLE membership.card_link
(
    member_id  UUID PRIMARY KEY REFERENCES membership.member (id),
    account_id UUID        NOT NULL,
    linked_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX card_link_by_account ON membership.card_link (account_id, linked_at);

-- Every attempt to link a card, for throttling per account (failed attempts in the last hour).
CREATE TABLE membership.card_link_attempt
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   UUID        NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    linked       BOOLEAN     NOT NULL
);
CREATE INDEX card_link_attempt_by_account ON membership.card_link_attempt (account_id, attempted_at);
