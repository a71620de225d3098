-- The waiting list's order is the fund's (first come, first served); an application's
-- position is its rank among the fund's waiting applications, computed when it is read.
-- Positions stored so far are ranks already, so they keep the order.
ALTER TABLE application_view ADD COLUMN waitlist_order BIGINT;
UPDATE application_view SET waitlist_order = waitlist_position WHERE waitlist_position IS NOT NULL;
ALTER TABLE application_view DROP COLUMN waitlist_position;
CREATE INDEX application_view_waitlist ON application_view (fund_id, waitlist_order);
