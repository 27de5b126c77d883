-- The history's actor name (0011) was looked up with `id::text = actor_id`, which no index can
-- answer: every history row (every command) read the whole users table. Looked up by the key
-- instead; an actor that is not a user (the system's timers) has no name to find.
CREATE OR REPLACE FUNCTION application_history_actor_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor_name IS NULL
     AND NEW.actor_id ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' THEN
    SELECT name INTO NEW.actor_name FROM users WHERE id = NEW.actor_id::uuid;
  END IF;
  RETURN NEW;
END $$;
