-- A member joins in a segment with its programs (RULES.md §1): PU with JHT, JKK, JKM and JP; BPU with JKK and JKM
-- and, if chosen, JHT, on a declared monthly income. Taken from the approved application's work step. Members
-- approved before the work step existed have none.
ALTER TABLE membership.member
    ADD COLUMN category        TEXT CHECK (category IN ('PU', 'BPU')),
    ADD COLUMN programs        TEXT[] CHECK (programs <@ ARRAY['JHT', 'JKK', 'JKM', 'JP']::TEXT[]),
    ADD COLUMN declared_income BIGINT CHECK (declared_income > 0),
    ADD CONSTRAINT member_segment CHECK (
        (category IS NULL AND programs IS NULL AND declared_income IS NULL)
        OR (category = 'PU' AND programs = ARRAY['JHT', 'JKK', 'JKM', 'JP']::TEXT[] AND declared_income IS NULL)
        OR (category = 'BPU' AND programs @> ARRAY['JKK', 'JKM']::TEXT[] AND NOT programs @> ARRAY['JP']::TEXT[]
            AND declared_income IS NOT NULL));
