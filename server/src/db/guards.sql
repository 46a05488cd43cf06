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
