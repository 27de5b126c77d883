-- Accounts are confirmed and claimed by mail (issue 19): registration answers the same whether
-- or not the address is known, so a new account waits for its owner to follow the mailed link;
-- an account a clerk made for someone's address is claimed by setting a password through a
-- mailed one-time link, which also serves "forgot password". Only a hash of a link is stored.

alter table users add column confirmation_pending boolean not null default false;

create table account_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  purpose text not null check (purpose in ('confirm', 'password')),
  token_hash text not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  check (expires_at > created_at)
);
create index account_tokens_user_idx on account_tokens (user_id, purpose);
