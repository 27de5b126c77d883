-- Application lifecycle: workflow definitions, regulations and their budgets, applications,
-- immutable history, budget ledger, durable timers, idempotency keys, attachments.

-- Workflow definitions are data; an application is pinned to one (key, version).
CREATE TABLE workflow_definitions (
  key text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  PRIMARY KEY (key, version)
);

-- A subsidieregeling for one district and year; its ceiling (subsidieplafond, Awb 4:25) lives
-- in `budgets` as well, where a CHECK makes overspending impossible.
CREATE TABLE regulations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  title text NOT NULL,
  district text NOT NULL,
  year integer NOT NULL,
  ceiling_cents integer NOT NULL CHECK (ceiling_cents >= 0),
  max_amount_cents integer NOT NULL CHECK (max_amount_cents > 0),
  direct_settlement_threshold_cents integer NOT NULL DEFAULT 0 CHECK (direct_settlement_threshold_cents >= 0),
  decision_term_weeks integer NOT NULL DEFAULT 8 CHECK (decision_term_weeks BETWEEN 1 AND 52),
  report_due_weeks integer NOT NULL DEFAULT 8 CHECK (report_due_weeks BETWEEN 1 AND 104),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  workflow_key text NOT NULL,
  workflow_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on),
  FOREIGN KEY (workflow_key, workflow_version) REFERENCES workflow_definitions (key, version)
);
CREATE INDEX regulations_district_year_idx ON regulations (district, year);

-- One budget per regulation (= per district and year). Both sums move only through
-- budget_ledger (trigger below), and the CHECK refuses any state beyond the ceiling, also when
-- grants race: the UPDATE takes the row lock, so the second grant sees the first one's sums.
CREATE TABLE budgets (
  regulation_id uuid PRIMARY KEY REFERENCES regulations (id),
  ceiling_cents integer NOT NULL,
  reserved_cents integer NOT NULL DEFAULT 0,
  committed_cents integer NOT NULL DEFAULT 0,
  CONSTRAINT budgets_not_negative CHECK (reserved_cents >= 0 AND committed_cents >= 0),
  CONSTRAINT budgets_within_ceiling CHECK (reserved_cents + committed_cents <= ceiling_cents)
);

CREATE FUNCTION regulations_sync_budget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO budgets (regulation_id, ceiling_cents) VALUES (NEW.id, NEW.ceiling_cents);
  ELSIF NEW.ceiling_cents IS DISTINCT FROM OLD.ceiling_cents THEN
    UPDATE budgets SET ceiling_cents = NEW.ceiling_cents WHERE regulation_id = NEW.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER regulations_sync_budget AFTER INSERT OR UPDATE ON regulations
  FOR EACH ROW EXECUTE FUNCTION regulations_sync_budget();

-- Readable references BI-<year>-<n> come from a sequence per year, application_reference_<year>,
-- created on first use (see applications.repository.ts): no lock is held until commit.

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  regulation_id uuid NOT NULL REFERENCES regulations (id),
  applicant_id uuid NOT NULL REFERENCES users (id),
  created_by uuid NOT NULL REFERENCES users (id),
  definition_key text NOT NULL,
  definition_version integer NOT NULL,
  state text NOT NULL,
  snapshot jsonb NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  title text NOT NULL DEFAULT '',
  district text NOT NULL,
  requested_cents integer NOT NULL DEFAULT 0,
  granted_cents integer,
  received_on date,
  decision_due_on date,
  suspended boolean NOT NULL DEFAULT false,
  -- true while a decision is owed (the work queue); false for drafts and decided applications
  awaiting_decision boolean NOT NULL DEFAULT false,
  assignee_id uuid REFERENCES users (id),
  assigned_at timestamptz,
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (definition_key, definition_version) REFERENCES workflow_definitions (key, version)
);
-- The work queue: by legal deadline, keyset-paginated on (decision_due_on, id).
CREATE INDEX applications_queue_idx ON applications (decision_due_on, id) WHERE awaiting_decision;
CREATE INDEX applications_deadline_idx ON applications ((coalesce(decision_due_on, DATE '9999-12-31')), id);
CREATE INDEX applications_updated_idx ON applications (updated_at DESC, id DESC);
CREATE INDEX applications_submitted_idx ON applications ((coalesce(submitted_at, to_timestamp(0))) DESC, id DESC);
CREATE INDEX applications_applicant_idx ON applications (applicant_id, updated_at DESC, id DESC);
CREATE INDEX applications_assignee_idx ON applications (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX applications_regulation_idx ON applications (regulation_id);

-- What happened, by whom, in which role; never changed afterwards.
CREATE TABLE application_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  seq integer NOT NULL,
  event text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  actor_id text NOT NULL,
  actor_roles text[] NOT NULL,
  on_behalf_of uuid REFERENCES users (id),
  payload jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL,
  UNIQUE (application_id, seq)
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER application_history_immutable BEFORE UPDATE OR DELETE ON application_history
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER application_history_no_truncate BEFORE TRUNCATE ON application_history
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Budget ledger: every reservation, release and commitment, per application.
CREATE TABLE budget_ledger (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  regulation_id uuid NOT NULL REFERENCES regulations (id),
  application_id uuid NOT NULL REFERENCES applications (id),
  history_id uuid REFERENCES application_history (id),
  kind text NOT NULL CHECK (kind IN ('reserve', 'release', 'commit')),
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_ledger_application_idx ON budget_ledger (application_id);
CREATE TRIGGER budget_ledger_immutable BEFORE UPDATE OR DELETE ON budget_ledger
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION budget_ledger_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'reserve' THEN
    UPDATE budgets SET reserved_cents = reserved_cents + NEW.amount_cents
      WHERE regulation_id = NEW.regulation_id;
  ELSIF NEW.kind = 'release' THEN
    UPDATE budgets SET reserved_cents = reserved_cents - NEW.amount_cents
      WHERE regulation_id = NEW.regulation_id;
  ELSE
    UPDATE budgets SET reserved_cents = reserved_cents - NEW.amount_cents,
      committed_cents = committed_cents + NEW.amount_cents
      WHERE regulation_id = NEW.regulation_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER budget_ledger_apply AFTER INSERT ON budget_ledger
  FOR EACH ROW EXECUTE FUNCTION budget_ledger_apply();

-- Durable timers: the engine's delayed events. A worker claims due rows with
-- FOR UPDATE SKIP LOCKED and fires them through the command path as actor `system`.
CREATE TABLE timers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  timer_key text NOT NULL,
  event text NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fired', 'cancelled', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX timers_one_pending_idx ON timers (application_id, timer_key) WHERE status = 'pending';
CREATE INDEX timers_due_idx ON timers (due_at) WHERE status = 'pending';

-- Idempotency-Key: the first response per (user, key) is stored and replayed.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users (id),
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  filename text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_application_idx ON attachments (application_id);
