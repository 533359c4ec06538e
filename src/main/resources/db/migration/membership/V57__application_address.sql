-- Step 1 also asks where the applicant lives (province → regency/city → district of the current Kemendagri list, the
-- street line and RT/RW) and a mobile number the branch can call. Regency and district codes extend their parent's.
ALTER TABLE membership.application
    ADD COLUMN province_code  TEXT CHECK (province_code ~ '^[0-9]{2}$'),
    ADD COLUMN regency_code   TEXT CHECK (regency_code ~ '^[0-9]{4}$'),
    ADD COLUMN district_code  TEXT CHECK (district_code ~ '^[0-9]{6}$'),
    ADD COLUMN street         TEXT CHECK (length(street) <= 200),
    ADD COLUMN rt             TEXT CHECK (rt ~ '^[0-9]{3}$'),
    ADD COLUMN rw             TEXT CHECK (rw ~ '^[0-9]{3}$'),
    ADD COLUMN contact_mobile TEXT CHECK (contact_mobile ~ '^\+628[0-9]{7,11}$'),
    ADD CONSTRAINT address_nested CHECK (
        (province_code IS NULL AND regency_code IS NULL AND district_code IS NULL AND street IS NULL)
        OR (regency_code LIKE province_code || '__' AND district_code LIKE regency_code || '__' AND street IS NOT NULL));

-- Officers may now also send back the address, the mobile number and the work step.
ALTER TABLE membership.application DROP CONSTRAINT application_changes_fields_check;
ALTER TABLE membership.application
    ADD CONSTRAINT application_changes_fields_check CHECK (changes_fields <@ ARRAY['nik', 'kk', 'fullName', 'birthPlace',
        'birthDate', 'gender', 'motherMaidenName', 'address', 'mobileNumber', 'work', 'KTP', 'KK']::TEXT[]);
