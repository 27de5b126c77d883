-- Issue 19 (security and legal hardening), lifecycle side.

-- The decision's last day falls after the activity (flagged in the work queue; the resident is
-- told what it means). Kept beside the snapshot like the other derived columns, written per step.
ALTER TABLE applications ADD COLUMN decision_after_activity boolean NOT NULL DEFAULT false;

-- The history keeps who acted as they were at that moment: a later rename or change of roles
-- must not rewrite who granted what. Older rows fall back to the users table (NULL here).
ALTER TABLE application_history ADD COLUMN actor_name text;

-- Settlement (vaststelling) above this amount takes a second person (four-eyes). NULL: never.
ALTER TABLE regulations ADD COLUMN settlement_four_eyes_above_cents integer
  DEFAULT 500000 CHECK (settlement_four_eyes_above_cents IS NULL OR settlement_four_eyes_above_cents >= 0);
