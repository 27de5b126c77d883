-- DigiD Machtigen: a session started through the broker "namens" a resident remembers whom it
-- acts for, so that for as long as it lasts the person can start an application for her and
-- reach the applications she makes meanwhile, not only the ones there were at sign-in.
ALTER TABLE oidc_sessions ADD COLUMN acting_for uuid REFERENCES users (id) ON DELETE SET NULL;
