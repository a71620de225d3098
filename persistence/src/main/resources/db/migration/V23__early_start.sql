-- Whether an approval was of a project starting before the day of the approval, and whether
-- that early start (vorzeitiger Maßnahmebeginn) was approved with it. Null: nothing approved,
-- or a decision recorded before these fields existed.
ALTER TABLE decision_view ADD COLUMN starts_before_approval BOOLEAN;
ALTER TABLE decision_view ADD COLUMN early_start_approved BOOLEAN;
