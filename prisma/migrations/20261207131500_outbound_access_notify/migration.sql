-- Issue 29: app processes cache each company's 智能外呼 access (its latest qualification application's status,
-- server/auth/outbound-access-cache.ts) for a few seconds instead of reading it on every 智能外呼 request. A change to
-- which application is the latest or to its status notifies `viewer_changed` with `c:<companyId>` (the payload a
-- company-level change already uses) in the writing transaction, so every process drops the company's entry at commit.

CREATE OR REPLACE FUNCTION "notify_outbound_access_changed"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('viewer_changed', 'c:' || OLD."companyId");
  ELSE
    PERFORM pg_notify('viewer_changed', 'c:' || NEW."companyId");
    IF TG_OP = 'UPDATE' AND OLD."companyId" <> NEW."companyId" THEN
      PERFORM pg_notify('viewer_changed', 'c:' || OLD."companyId");
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS "QualificationApplication_outbound_access_changed" ON "QualificationApplication";
CREATE TRIGGER "QualificationApplication_outbound_access_changed"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "companyId", "createdAt" ON "QualificationApplication"
  FOR EACH ROW EXECUTE FUNCTION "notify_outbound_access_changed"();
