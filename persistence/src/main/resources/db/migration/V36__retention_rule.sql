-- The retention rule of a partnership's files (issue 14, GDPR): years a grant file is kept after
-- the end of its fund's year, and years a file never granted is kept after it ended. Null: never
-- set, the defaults apply (10 and 1 years).
ALTER TABLE partnership_settings ADD COLUMN retention_years INTEGER;
ALTER TABLE partnership_settings ADD COLUMN unsuccessful_retention_years INTEGER;
