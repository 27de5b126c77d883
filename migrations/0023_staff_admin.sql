-- Staff administration in the web: deactivated accounts, and an audit of every change an
-- administrator makes to an account (who, what, when; never the password itself).

alter table users add column deactivated_at timestamptz;

create table account_audit (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid not null references users (id),
  target_id uuid not null references users (id),
  action text not null
    check (action in ('created', 'roles_changed', 'deactivated', 'reactivated', 'password_reset')),
  details jsonb not null default '{}',
  at timestamptz not null
);
create index account_audit_target_idx on account_audit (target_id, at desc);
create index account_audit_at_idx on account_audit (at desc, id desc);

create trigger account_audit_immutable before update or delete on account_audit
  for each row execute function refuse_change();
