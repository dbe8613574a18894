-- Issue 23: a password, role, clinic-assignment or tenancy change ends every session of the user (sessionVersion is in
-- each session's JWT and checked by loadViewer on every request). In the database, so no write path — today's seed and
-- SQL, a later staff page — can forget it.
CREATE OR REPLACE FUNCTION "user_sessions_end_on_change"() RETURNS trigger AS $$
BEGIN
  IF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash"
     OR NEW."roleId" IS DISTINCT FROM OLD."roleId"
     OR NEW."allClinics" IS DISTINCT FROM OLD."allClinics"
     OR NEW."companyId" IS DISTINCT FROM OLD."companyId"
     OR NEW."isPlatformAdmin" IS DISTINCT FROM OLD."isPlatformAdmin" THEN
    NEW."sessionVersion" := GREATEST(NEW."sessionVersion", OLD."sessionVersion" + 1);
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "User_sessions_end_on_change"
  BEFORE UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "user_sessions_end_on_change"();

CREATE OR REPLACE FUNCTION "user_clinic_sessions_end"() RETURNS trigger AS $$
BEGIN
  UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1
   WHERE id IN (SELECT "userId" FROM changed_rows);
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "UserClinic_sessions_end_on_insert"
  AFTER INSERT ON "UserClinic" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "user_clinic_sessions_end"();
CREATE TRIGGER "UserClinic_sessions_end_on_delete"
  AFTER DELETE ON "UserClinic" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "user_clinic_sessions_end"();
