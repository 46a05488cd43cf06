-- Rules the schema cannot express, applied after every migration run (idempotent).
-- Migrations are regenerated from schema.ts until the first release, so these live here.

-- The XP ledger is append-only: corrections are new rows, never edits. Account deletion
-- anonymises the users row and keeps ledger rows, so nothing legitimate updates or deletes.
CREATE OR REPLACE FUNCTION xp_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'xp_ledger is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS xp_ledger_append_only ON xp_ledger;
CREATE TRIGGER xp_ledger_append_only
  BEFORE UPDATE OR DELETE ON xp_ledger
  FOR EACH ROW EXECUTE FUNCTION xp_ledger_refuse_change();

-- An archived area is read-only: nothing new is added to it (quests, evidence, members,
-- teams, team members, quest joins), whichever code path writes. SQLSTATE GCARC is answered
-- as a 409 naming the area (http/known-errors.ts). Changes to existing rows (a quest the
-- clock closes, a verification finishing) still go through.
CREATE OR REPLACE FUNCTION refuse_insert_into_archived_area() RETURNS trigger AS $$
DECLARE
  target uuid;
  area_name text;
BEGIN
  IF TG_TABLE_NAME = 'participations' THEN
    SELECT q.area_id INTO target FROM quests q WHERE q.id = NEW.quest_id;
  ELSE
    target := NEW.area_id;
  END IF;
  SELECT a.name INTO area_name FROM areas a WHERE a.id = target AND a.archived_at IS NOT NULL;
  IF FOUND THEN
    RAISE EXCEPTION 'area "%" is archived: it is read-only, so nothing new can be added to it', area_name
      USING ERRCODE = 'GCARC';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DO $$
DECLARE
  guarded text;
BEGIN
  FOREACH guarded IN ARRAY ARRAY['quests', 'evidence', 'area_memberships', 'teams', 'team_members', 'participations']
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', guarded || '_archived_area_guard', guarded);
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION refuse_insert_into_archived_area()',
      guarded || '_archived_area_guard', guarded);
  END LOOP;
END;
$$;

-- A deleted account leaves no notifications, notification settings or email tokens behind:
-- whichever code path anonymises the user row, these personal rows go in the same statement.
CREATE OR REPLACE FUNCTION forget_deleted_account_mail() RETURNS trigger AS $$
BEGIN
  IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
    DELETE FROM notifications WHERE user_id = NEW.id;
    DELETE FROM notification_preferences WHERE user_id = NEW.id;
    DELETE FROM notification_settings WHERE user_id = NEW.id;
    DELETE FROM account_tokens WHERE user_id = NEW.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS users_forget_deleted_account_mail ON users;
CREATE TRIGGER users_forget_deleted_account_mail
  AFTER UPDATE OF deleted_at ON users
  FOR EACH ROW EXECUTE FUNCTION forget_deleted_account_mail();

-- The time-credit ledger is append-only like the XP ledger: expiries and reversals are new
-- rows that move credits back, never edits.
CREATE OR REPLACE FUNCTION credit_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'credit_ledger is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS credit_ledger_append_only ON credit_ledger;
CREATE TRIGGER credit_ledger_append_only
  BEFORE UPDATE OR DELETE ON credit_ledger
  FOR EACH ROW EXECUTE FUNCTION credit_ledger_refuse_change();

-- The money ledger is append-only like the XP ledger: a correction is a new 'reversed' row
-- pointing at the row it corrects; totals are sums.
CREATE OR REPLACE FUNCTION money_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'money_ledger is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS money_ledger_append_only ON money_ledger;
CREATE TRIGGER money_ledger_append_only
  BEFORE UPDATE OR DELETE ON money_ledger
  FOR EACH ROW EXECUTE FUNCTION money_ledger_refuse_change();
