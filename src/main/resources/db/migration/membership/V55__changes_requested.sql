-- "Changes requested": the officer names the fields to correct and writes why; the wizard reopens at them.
ALTER TABLE membership.application
    ADD COLUMN changes_fields  TEXT[] CHECK (changes_fields <@ ARRAY['nik', 'kk', 'fullName', 'birthPlace', 'birthDate',
                                                                   'gender', 'motherMaidenName', 'KTP', 'KK']::TEXT[]),
    ADD COLUMN changes_message TEXT CHECK (length(changes_message) <= 1000);
