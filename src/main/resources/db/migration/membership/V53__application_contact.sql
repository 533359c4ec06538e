-- Where decisions are e-mailed, in the applicant's language: taken from the account when the application is sent.
ALTER TABLE membership.application
    ADD COLUMN contact_email    TEXT CHECK (length(contact_email) <= 320),
    ADD COLUMN contact_language TEXT CHECK (contact_language IN ('id', 'en'));
