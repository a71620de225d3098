-- Real accounts: registered applicants sign in with their e-mail address, so user names
-- (and every column that holds one) take an address of up to 320 characters.
ALTER TABLE app_user ALTER COLUMN username SET DATA TYPE VARCHAR(320);
ALTER TABLE app_user ADD COLUMN email VARCHAR(320);
ALTER TABLE app_user ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE;
-- may manage the partnership: funds, bodies, accounts (the first one is made by the set-up)
ALTER TABLE app_user ADD COLUMN administrator BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
-- addresses are stored lower-cased: one account per address
CREATE UNIQUE INDEX app_user_email ON app_user (email);

ALTER TABLE application_view ALTER COLUMN owner SET DATA TYPE VARCHAR(320);
ALTER TABLE decision_body_member ALTER COLUMN username SET DATA TYPE VARCHAR(320);
ALTER TABLE vote_view ALTER COLUMN username SET DATA TYPE VARCHAR(320);
ALTER TABLE fund_movement ALTER COLUMN actor SET DATA TYPE VARCHAR(320);
ALTER TABLE application_history ALTER COLUMN actor SET DATA TYPE VARCHAR(320);
ALTER TABLE grant_payment ALTER COLUMN actor SET DATA TYPE VARCHAR(320);
