-- Policy staff: published workflow definitions are immutable, and migrations of running
-- applications to a newer definition version are recorded per run (each application's own
-- history gets a row as well).

-- A published or retired version never changes; only its status may go published -> retired.
CREATE FUNCTION workflow_definitions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'workflow definition %@% is % and cannot be deleted', OLD.key, OLD.version, OLD.status
        USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    NEW.definition IS DISTINCT FROM OLD.definition
    OR NEW.key IS DISTINCT FROM OLD.key
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.published_at IS DISTINCT FROM OLD.published_at
    OR NEW.status = 'draft'
    OR (OLD.status = 'retired' AND NEW.status <> 'retired')
  ) THEN
    RAISE EXCEPTION 'workflow definition %@% is % and immutable', OLD.key, OLD.version, OLD.status
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER workflow_definitions_immutable BEFORE UPDATE OR DELETE ON workflow_definitions
  FOR EACH ROW EXECUTE FUNCTION workflow_definitions_immutable();

-- At most one draft per workflow key.
CREATE UNIQUE INDEX workflow_definitions_one_draft_idx ON workflow_definitions (key)
  WHERE status = 'draft';

CREATE TABLE definition_migrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL,
  from_version integer NOT NULL,
  to_version integer NOT NULL,
  state_map jsonb NOT NULL DEFAULT '{}',
  application_ids uuid[] NOT NULL,
  actor_id uuid NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL,
  FOREIGN KEY (key, from_version) REFERENCES workflow_definitions (key, version),
  FOREIGN KEY (key, to_version) REFERENCES workflow_definitions (key, version)
);
CREATE INDEX definition_migrations_key_idx ON definition_migrations (key, at DESC);
