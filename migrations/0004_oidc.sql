-- Sign-in through OpenID Connect: residents (DigiD/eHerkenning through a broker) and staff
-- (the municipality's identity provider). See packages/api/src/oidc/README.md.

-- An account at a provider linked to one of our users. `provider` is the connection
-- ('resident' or 'staff'); a user may have one of each.
CREATE TABLE external_identities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider text NOT NULL CHECK (provider IN ('resident', 'staff')),
  issuer text NOT NULL,
  -- The `sub` claim. A subject that is itself a BSN is stored as 'bsn:' + its keyed hash.
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The last level of assurance (`acr`) the provider reported, e.g. DigiD Midden or eH3.
  level_of_assurance text,
  -- A broker's pseudonym for the person, where it sends one.
  pseudonym text,
  -- HMAC-SHA256 of the BSN with BSN_HASH_KEY; the BSN itself is never stored.
  bsn_hash text CHECK (bsn_hash IS NULL OR bsn_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  last_login_at timestamptz NOT NULL,
  UNIQUE (provider, issuer, subject),
  UNIQUE (provider, user_id)
);

CREATE INDEX external_identities_bsn_idx ON external_identities (bsn_hash)
  WHERE bsn_hash IS NOT NULL;

-- A login in progress: between the redirect to the provider and its callback. The browser holds
-- a random handle in a short-lived cookie; only its keyed hash is the key here, so any API
-- process can finish the login and a row is used once (deleted on the callback).
CREATE TABLE oidc_login_states (
  id text PRIMARY KEY,
  provider text NOT NULL CHECK (provider IN ('resident', 'staff')),
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX oidc_login_states_expires_idx ON oidc_login_states (expires_at);

-- A first sign-in whose provider sent no usable name or e-mail: held until the person
-- completes them (same cookie-handle scheme as above).
CREATE TABLE oidc_pending_accounts (
  id text PRIMARY KEY,
  provider text NOT NULL CHECK (provider IN ('resident', 'staff')),
  issuer text NOT NULL,
  subject text NOT NULL,
  level_of_assurance text,
  pseudonym text,
  bsn_hash text,
  roles text[] NOT NULL,
  name text,
  email text,
  return_to text NOT NULL,
  -- The ID token, encrypted (AES-256-GCM), for logout at the provider later.
  id_token_enc text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX oidc_pending_accounts_expires_idx ON oidc_pending_accounts (expires_at);

-- Which of our sessions came from a provider: logout ends the session there too
-- (end_session_endpoint with id_token_hint).
CREATE TABLE oidc_sessions (
  session_id uuid PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('resident', 'staff')),
  -- Encrypted: a broker may put personal data (even a BSN) in the ID token.
  id_token_enc text NOT NULL,
  created_at timestamptz NOT NULL
);
