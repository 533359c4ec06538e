-- Lapse (RULES.md §4): when and why a member became NON_ACTIVE.
ALTER TABLE membership.member
    ADD COLUMN lapsed_on    DATE,
    ADD COLUMN lapse_reason TEXT CHECK (lapse_reason IN ('EMPLOYMENT_ENDED', 'CONTRIBUTIONS_UNPAID')),
    ADD CONSTRAINT lapse_recorded CHECK (status = 'ACTIVE' OR lapsed_on IS NOT NULL);
