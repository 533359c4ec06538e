-- The wage a worker's contribution lines were computed from (RULES.md §2, §3): the reported monthly wage of a wage
-- earner (before the JP ceiling caps the JP basis), the declared income of an informal worker. Written by the billing
-- run with the lines, so the member's history shows the wage the bill really used, not whatever was reported later.
-- Lines issued before this column existed, and penalty and adjustment lines, have none (NULL).
ALTER TABLE contribution.bill_line
    ADD COLUMN wage BIGINT,
    ADD CONSTRAINT bill_line_wage CHECK (wage IS NULL OR (wage > 0 AND kind = 'CONTRIBUTION'));
