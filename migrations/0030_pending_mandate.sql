-- DigiD Machtigen: a first sign-in that must still complete name and e-mail keeps the resident
-- the person acts for (the keyed hash of her BSN, never the BSN) until it is completed.
ALTER TABLE oidc_pending_accounts ADD COLUMN represented_bsn_hash text;
