-- Four eyes on a new regulation: one policy officer creates it (with its ceiling and maximum), a
-- second one approves it before it opens for applications, as with changing those amounts
-- (0018). approved_at is when that happened; NULL while it waits for the second officer or after
-- they rejected it: not listed publicly, and no application can start on it. Regulations that
-- exist, and those written directly (seeds, tests: upsertRegulation), count as approved; only the
-- policy API's create leaves it NULL, with a proposal of the kind 'open_regulation'.
ALTER TABLE regulations ADD COLUMN approved_at timestamptz;
UPDATE regulations SET approved_at = created_at;
ALTER TABLE regulations ALTER COLUMN approved_at SET DEFAULT now();

COMMENT ON COLUMN regulations.approved_at IS 'When a second policy officer approved this regulation (or when it was written directly); NULL: not open for applications.';

-- The new kind, about a regulation like 'change_regulation'.
ALTER TABLE policy_proposals DROP CONSTRAINT policy_proposals_kind_check;
ALTER TABLE policy_proposals ADD CONSTRAINT policy_proposals_kind_check
  CHECK (kind IN ('publish_definition', 'change_regulation', 'open_regulation'));
ALTER TABLE policy_proposals DROP CONSTRAINT policy_proposals_check;
ALTER TABLE policy_proposals ADD CONSTRAINT policy_proposals_subject CHECK (
  (kind = 'publish_definition' AND definition_key IS NOT NULL AND definition_version IS NOT NULL
    AND regulation_id IS NULL)
  OR (kind IN ('change_regulation', 'open_regulation') AND regulation_id IS NOT NULL
    AND definition_key IS NULL)
);

-- One open proposal to open a regulation at a time.
CREATE UNIQUE INDEX policy_proposals_open_opening_idx
  ON policy_proposals (regulation_id) WHERE status = 'open' AND kind = 'open_regulation';

-- The second pair of eyes, also when the application code has a bug: no application starts on a
-- regulation that no second officer approved.
CREATE FUNCTION applications_regulation_approved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM regulations WHERE id = NEW.regulation_id AND approved_at IS NULL) THEN
    RAISE EXCEPTION 'regulation % is not approved for applications', NEW.regulation_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'applications_regulation_approved';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER applications_regulation_approved BEFORE INSERT ON applications
  FOR EACH ROW EXECUTE FUNCTION applications_regulation_approved();
