-- Accounts, sessions and the shared rate-limit counters.

create table users (
  id uuid primary key default gen_random_uuid(),
  -- Lower-cased by the application. Null for a resident a clerk registered without e-mail.
  email text unique check (email is null or email = lower(email)),
  name text not null check (length(name) between 1 and 200),
  roles text[] not null default '{applicant}'
    check (cardinality(roles) > 0
      and roles <@ array['applicant','clerk','assessor','approver','policy','admin']::text[]),
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  -- Postal address for letters (brieven) to residents without e-mail.
  street text,
  postcode text,
  city text,
  phone text,
  -- argon2id; null when the account cannot log in with a password.
  password_hash text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index users_name_idx on users (lower(name));
create index users_roles_idx on users using gin (roles);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  -- HMAC-SHA256 of the cookie token; the token itself is never stored.
  token_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  -- Absolute expiry; idle expiry is last_seen_at plus the configured idle time.
  expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text,
  client_address text
);

create index sessions_user_idx on sessions (user_id);

-- Fixed-window counters shared by every API process (login attempts per account and address).
create table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  count integer not null
);
