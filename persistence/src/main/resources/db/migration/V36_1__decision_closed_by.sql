-- Version 36.1: the privacy branch holds V36 (the retention rule); both were given V36.
-- Who closed a vote (or took a fast-track decision): the acting user and role of the
-- ApplicationDecided event's metadata (SYSTEM for a circular vote closed at its deadline), for
-- GET /api/decisions (issue 14). Rows written before are filled from the audit trail's read
-- table, which holds the same metadata for the same event (aggregate and sequence number); a
-- replay of the applications processor writes them anyway.
ALTER TABLE decision_view ADD COLUMN closed_by VARCHAR(100);
ALTER TABLE decision_view ADD COLUMN closed_by_role VARCHAR(20);
UPDATE decision_view SET
    closed_by = (SELECT a.actor FROM audit_event a
                 WHERE a.event_type = 'ApplicationDecided' AND a.aggregate_id = decision_view.application_id
                   AND a.sequence_number = decision_view.sequence_number),
    closed_by_role = (SELECT a.actor_role FROM audit_event a
                      WHERE a.event_type = 'ApplicationDecided' AND a.aggregate_id = decision_view.application_id
                        AND a.sequence_number = decision_view.sequence_number);
-- the audit trail's filter by aggregate (GET /api/audit/events?aggregateId=)
CREATE INDEX ix_audit_event_aggregate ON audit_event (aggregate_id, global_position);
