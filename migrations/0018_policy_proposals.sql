-- Four eyes on the rules (issue 14): publishing a workflow definition version and changing a
-- regulation's workflow version, ceiling or maximum take two policy officers. One proposes with
-- a comment, another approves or rejects; the proposer can never decide on their own proposal.

CREATE TABLE policy_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('publish_definition', 'change_regulation')),
  definition_key text,
  definition_version integer,
  regulation_id uuid REFERENCES regulations (id),
  -- change_regulation: the fields to set, as the PATCH body had them.
  changes jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected', 'withdrawn')),
  proposed_by uuid NOT NULL REFERENCES users (id),
  proposed_at timestamptz NOT NULL,
  comment text NOT NULL CHECK (length(btrim(comment)) > 0),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_comment text,
  CHECK (
    (kind = 'publish_definition' AND definition_key IS NOT NULL AND definition_version IS NOT NULL
      AND regulation_id IS NULL)
    OR (kind = 'change_regulation' AND regulation_id IS NOT NULL AND definition_key IS NULL)
  ),
  -- The second pair of eyes, also when the application code has a bug.
  CONSTRAINT policy_proposals_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CHECK ((status = 'open') = (decided_at IS NULL)),
  CHECK (status <> 'rejected' OR length(btrim(coalesce(decision_comment, ''))) > 0)
);
-- No foreign key to workflow_definitions: a discarded draft's proposals stay on record
-- (withdrawn). While a proposal is open its draft cannot be saved or discarded, so what the
-- second officer approves is what the first one proposed.

-- One open proposal per definition version and per regulation.
CREATE UNIQUE INDEX policy_proposals_open_definition_idx
  ON policy_proposals (definition_key, definition_version) WHERE status = 'open' AND kind = 'publish_definition';
CREATE UNIQUE INDEX policy_proposals_open_regulation_idx
  ON policy_proposals (regulation_id) WHERE status = 'open' AND kind = 'change_regulation';
CREATE INDEX policy_proposals_proposed_at_idx ON policy_proposals (proposed_at DESC);
