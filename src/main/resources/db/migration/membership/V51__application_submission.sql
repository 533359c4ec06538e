-- Submitting: the person's consent to the processing of personal data (UU 27/2022), when it was sent, and the
-- working day by which officers must decide (5 working days by default, RULES.md §9).
ALTER TABLE membership.application
    ADD COLUMN consent_at   TIMESTAMPTZ,
    ADD COLUMN submitted_at TIMESTAMPTZ,
    ADD COLUMN decision_due DATE,
    ADD CONSTRAINT submitted_with_consent CHECK (submitted_at IS NULL OR (consent_at IS NOT NULL AND decision_due IS NOT NULL));
