-- A resident authorises someone else (a relative, a volunteer at a help point) to act on one
-- application under their own account; the history then records on whose behalf.

create table authorisations (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id),
  resident_id uuid not null references users (id),
  agent_id uuid not null references users (id),
  -- 'resident': given in this service; 'machtigen': DigiD Machtigen claims from the broker.
  source text not null default 'resident' check (source in ('resident', 'machtigen')),
  created_at timestamptz not null,
  revoked_at timestamptz,
  check (agent_id <> resident_id)
);
create unique index authorisations_active on authorisations (application_id, agent_id)
  where revoked_at is null;
create index authorisations_agent_idx on authorisations (agent_id) where revoked_at is null;
