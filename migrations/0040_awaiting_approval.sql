-- Applications waiting for a second person's decision: a state the definition tags
-- awaiting_approval (a proposal to grant or refuse, a settlement above the regulation's amount
-- for four eyes). "Te beslissen" lists them; it read them only among the applications whose
-- decision is owed (awaiting_decision), so a settlement proposal was in no list at all.
-- Kept beside the snapshot like awaiting_decision (written with every step), with an index of
-- its own, so the list finds the few among a million without reading the rest.
ALTER TABLE applications ADD COLUMN awaiting_approval boolean NOT NULL DEFAULT false;

UPDATE applications a
   SET awaiting_approval = true
  FROM workflow_definitions d
 WHERE d.key = a.definition_key
   AND d.version = a.definition_version
   AND coalesce(d.definition::jsonb -> 'states' -> a.state ->> 'type', 'atomic') <> 'final'
   AND coalesce(d.definition::jsonb -> 'states' -> a.state -> 'tags', '[]'::jsonb)
       @> '["awaiting_approval"]'::jsonb;

CREATE INDEX applications_approval_idx
  ON applications ((coalesce(decision_due_on, DATE '9999-12-31')), id)
  WHERE awaiting_approval;
