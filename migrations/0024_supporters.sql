-- Supporters (buurtbewoners) who confirm their own support: invited by e-mail with a link and a
-- code, or recorded by a clerk from a paper list. Only a hash of the link token and of the code
-- is stored.

create table supporters (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id),
  name text not null check (length(name) between 1 and 200),
  email text check (email is null or email = lower(email)),
  -- Given by the supporter when confirming (or written on the paper list).
  postcode text,
  age integer check (age is null or age between 0 and 130),
  token_hash text unique,
  code_hash text,
  failed_attempts integer not null default 0,
  invited_at timestamptz,
  confirmed_at timestamptz,
  confirmed_how text check (confirmed_how in ('code', 'digid', 'paper')),
  confirmed_user_id uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  check ((confirmed_at is null) = (confirmed_how is null)),
  check (email is not null or confirmed_how = 'paper')
);
create index supporters_application_idx on supporters (application_id);
create unique index supporters_email_once on supporters (application_id, email) where email is not null;
