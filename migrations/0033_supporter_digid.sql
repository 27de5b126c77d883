-- Supporters confirm with DigiD through the broker (issue 17). The regulation says how they may
-- confirm: with DigiD only, or with DigiD or the mailed code (what every regulation allowed so
-- far, hence the default).

alter table regulations add column supporter_confirmation text not null default 'digid_or_code'
  check (supporter_confirmation in ('digid', 'digid_or_code'));

-- Who confirmed with DigiD, as the key of the person (the keyed hash of the BSN, or the broker's
-- identity when it sent none): one person supports an application once, whichever invitation.
alter table supporters add column confirmed_identity text
  check (confirmed_identity is null or confirmed_how = 'digid');
create unique index supporters_identity_once on supporters (application_id, confirmed_identity)
  where confirmed_identity is not null;
