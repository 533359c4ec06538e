-- Step 2, work (RULES.md §1): a wage earner (PU) names the employer (NPP or name), the job, since when and the monthly
-- wage; an informal worker (BPU) the occupation, where, the declared monthly income and whether JHT is added to
-- JKK and JKM. Amounts are whole rupiah. The fields of the other category stay empty.
ALTER TABLE membership.application
    ADD COLUMN work_category   TEXT CHECK (work_category IN ('PU', 'BPU')),
    ADD COLUMN employer_npp    TEXT CHECK (employer_npp ~ '^[0-9]{8}$'),
    ADD COLUMN employer_name   TEXT CHECK (length(employer_name) <= 200),
    ADD COLUMN job_title       TEXT CHECK (length(job_title) <= 100),
    ADD COLUMN work_start      DATE,
    ADD COLUMN monthly_wage    BIGINT CHECK (monthly_wage > 0),
    ADD COLUMN occupation      TEXT CHECK (length(occupation) <= 100),
    ADD COLUMN work_location   TEXT CHECK (length(work_location) <= 200),
    ADD COLUMN declared_income BIGINT CHECK (declared_income > 0),
    ADD COLUMN bpu_jht         BOOLEAN,
    ADD CONSTRAINT work_complete CHECK (
        work_category IS NULL
        OR (work_category = 'PU' AND (employer_npp IS NOT NULL OR employer_name IS NOT NULL) AND job_title IS NOT NULL
            AND work_start IS NOT NULL AND monthly_wage IS NOT NULL AND occupation IS NULL AND work_location IS NULL
            AND declared_income IS NULL AND bpu_jht IS NULL)
        OR (work_category = 'BPU' AND occupation IS NOT NULL AND work_location IS NOT NULL
            AND declared_income IS NOT NULL AND bpu_jht IS NOT NULL AND employer_npp IS NULL AND employer_name IS NULL
            AND job_title IS NULL AND work_start IS NULL AND monthly_wage IS NULL));

-- Officers filter the queue by category.
CREATE INDEX application_queue_category ON membership.application (work_category, submitted_at)
    WHERE status IN ('SUBMITTED', 'IN_REVIEW');
