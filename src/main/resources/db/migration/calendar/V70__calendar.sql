CREATE SCHEMA calendar;

-- National holidays and joint leave days (cuti bersama): data administrators maintain each year from the
-- government's yearly decree (SKB 3 Menteri). Working days are Monday–Friday minus these (RULES.md §9).
CREATE TABLE calendar.holiday
(
    day     DATE PRIMARY KEY,
    name_id TEXT NOT NULL CHECK (length(name_id) BETWEEN 1 AND 200),
    name_en TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    kind    TEXT NOT NULL CHECK (kind IN ('FIXED', 'MOVABLE', 'JOINT_LEAVE')),
    source  TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 300)
);

-- The fixed-date holidays for 2024–2035, as RULES.md §9 allows; the lunar ones and joint leave are entered yearly.
INSERT INTO calendar.holiday (day, name_id, name_en, kind, source)
SELECT make_date(y, f.month, f.dom), f.name_id, f.name_en, 'FIXED',
       'RULES.md §9: fixed-date national holiday (Keppres 24/2013 and the yearly SKB 3 Menteri)'
  FROM generate_series(2024, 2035) AS y,
       (VALUES (1, 1, 'Tahun Baru Masehi', 'New Year''s Day'),
               (5, 1, 'Hari Buruh Internasional', 'International Labour Day'),
               (6, 1, 'Hari Lahir Pancasila', 'Pancasila Day'),
               (8, 17, 'Hari Kemerdekaan Republik Indonesia', 'Independence Day'),
               (12, 25, 'Hari Raya Natal', 'Christmas Day')) AS f(month, dom, name_id, name_en);
