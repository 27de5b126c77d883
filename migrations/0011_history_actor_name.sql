-- The history keeps the actor's name as it was at the moment of the step (issue 19): every way
-- of writing a history row (commands, timers, claims, definition migrations) gets it here, in
-- one place. Rows written before this migration keep NULL and are read with the current name.
CREATE FUNCTION application_history_actor_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor_name IS NULL THEN
    SELECT name INTO NEW.actor_name FROM users WHERE id::text = NEW.actor_id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER application_history_actor_name BEFORE INSERT ON application_history
  FOR EACH ROW EXECUTE FUNCTION application_history_actor_name();
