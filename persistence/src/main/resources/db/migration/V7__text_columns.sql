-- Free text that the domain bounds (notes, conditions, reasons, purposes) must never make a
-- projection fail: a failing row stops its processor for every later event.
ALTER TABLE decision_view ALTER COLUMN conditions SET DATA TYPE TEXT;
ALTER TABLE decision_view ALTER COLUMN note SET DATA TYPE TEXT;
ALTER TABLE application_view ALTER COLUMN conditions SET DATA TYPE TEXT;
ALTER TABLE application_history ALTER COLUMN note SET DATA TYPE TEXT;
ALTER TABLE vote_view ALTER COLUMN reason SET DATA TYPE TEXT;
ALTER TABLE grant_payment ALTER COLUMN purpose SET DATA TYPE TEXT;
ALTER TABLE fund_movement ALTER COLUMN note SET DATA TYPE TEXT;
