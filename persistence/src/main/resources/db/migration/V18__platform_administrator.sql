-- One installation may serve several partnerships: a platform administrator (the first
-- administrator made by the set-up) registers further partnerships and their first
-- administrators.
ALTER TABLE app_user ADD COLUMN platform_administrator BOOLEAN NOT NULL DEFAULT FALSE;
