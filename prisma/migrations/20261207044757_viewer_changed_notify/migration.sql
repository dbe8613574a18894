-- Issue 29: app processes cache the signed-in viewer for a few seconds (server/auth/viewer-cache.ts). Every change
-- that alters a viewer — the user row (role, clinics-wide flag, active, sessionVersion), their clinics, a role's
-- permissions, a company's clinics — notifies `viewer_changed` in the writing transaction (delivered at commit, only if
-- it commits), so each process drops the entry at once. Payloads: u:<userId>, r:<roleId>, c:<companyId>.

CREATE OR REPLACE FUNCTION "notify_viewer_changed"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  IF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('viewer_changed', 'u:' || row_data."id");
  ELSIF TG_TABLE_NAME = 'UserClinic' THEN
    PERFORM pg_notify('viewer_changed', 'u:' || row_data."userId");
    IF TG_OP = 'UPDATE' THEN PERFORM pg_notify('viewer_changed', 'u:' || OLD."userId"); END IF;
  ELSIF TG_TABLE_NAME = 'RolePermission' THEN
    PERFORM pg_notify('viewer_changed', 'r:' || row_data."roleId");
    IF TG_OP = 'UPDATE' THEN PERFORM pg_notify('viewer_changed', 'r:' || OLD."roleId"); END IF;
  ELSIF TG_TABLE_NAME = 'Role' THEN
    PERFORM pg_notify('viewer_changed', 'r:' || row_data."id");
  ELSIF TG_TABLE_NAME = 'Clinic' THEN
    PERFORM pg_notify('viewer_changed', 'c:' || row_data."companyId");
    IF TG_OP = 'UPDATE' THEN PERFORM pg_notify('viewer_changed', 'c:' || OLD."companyId"); END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_viewer_changed" AFTER INSERT OR UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_changed"();
CREATE TRIGGER "UserClinic_viewer_changed" AFTER INSERT OR UPDATE OR DELETE ON "UserClinic"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_changed"();
CREATE TRIGGER "RolePermission_viewer_changed" AFTER INSERT OR UPDATE OR DELETE ON "RolePermission"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_changed"();
CREATE TRIGGER "Role_viewer_changed" AFTER UPDATE OR DELETE ON "Role"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_changed"();
-- A clinic's own fields do not change a viewer; which clinics a company has (allClinics users see them all) does.
CREATE TRIGGER "Clinic_viewer_changed" AFTER INSERT OR DELETE OR UPDATE OF "companyId" ON "Clinic"
  FOR EACH ROW EXECUTE FUNCTION "notify_viewer_changed"();
