-- Issue 27: a live 实时监控 view keeps what changes slowly — the company's limits, hold and alert thresholds, the scripts
-- (name, status, pause reason, 适用门店) and the clinics (short name, time zone, opened) — between its snapshots
-- (server/services/dialer/monitor/stream-monitor-snapshots.ts) instead of reading them once a second. Every change to
-- them notifies `dialer_activity` with `s:<companyId>` in the writing transaction (delivered at commit, only if it
-- commits), so every process reads them again for its next snapshot. The approval (QualificationApplication) already
-- notifies `viewer_changed` `c:<companyId>` (migration outbound_access_notify), which the views heed as well.

CREATE OR REPLACE FUNCTION "notify_monitor_settings_changed"() RETURNS trigger AS $$
DECLARE
  company_id TEXT;
BEGIN
  IF TG_TABLE_NAME = 'Company' THEN
    PERFORM pg_notify('dialer_activity', 's:' || NEW."id");
  ELSIF TG_TABLE_NAME = 'ScriptClinic' THEN
    IF TG_OP = 'DELETE' THEN
      SELECT "companyId" INTO company_id FROM "Script" WHERE "id" = OLD."scriptId";
    ELSE
      SELECT "companyId" INTO company_id FROM "Script" WHERE "id" = NEW."scriptId";
    END IF;
    -- A script being deleted with its clinics notifies for itself.
    IF company_id IS NOT NULL THEN PERFORM pg_notify('dialer_activity', 's:' || company_id); END IF;
  ELSE
    IF TG_OP = 'DELETE' THEN
      PERFORM pg_notify('dialer_activity', 's:' || OLD."companyId");
    ELSE
      PERFORM pg_notify('dialer_activity', 's:' || NEW."companyId");
      IF TG_OP = 'UPDATE' AND OLD."companyId" <> NEW."companyId" THEN
        PERFORM pg_notify('dialer_activity', 's:' || OLD."companyId");
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Company_monitor_settings_changed"
  AFTER UPDATE OF "seatLimit", "seatsPerScript", "dialsPerMinuteScript", "redialMaxAttempts", "redialIntervalMin",
    "callingHeldAt", "callingHoldCode", "callingHoldProbeAt", "alertBalanceMinutes", "alertAnswerRatePercent",
    "alertInterceptedPercent" ON "Company"
  FOR EACH ROW EXECUTE FUNCTION "notify_monitor_settings_changed"();
CREATE TRIGGER "Script_monitor_settings_changed"
  AFTER INSERT OR DELETE OR UPDATE OF "companyId", "name", "status", "pauseReason", "createdAt" ON "Script"
  FOR EACH ROW EXECUTE FUNCTION "notify_monitor_settings_changed"();
CREATE TRIGGER "ScriptClinic_monitor_settings_changed"
  AFTER INSERT OR DELETE OR UPDATE ON "ScriptClinic"
  FOR EACH ROW EXECUTE FUNCTION "notify_monitor_settings_changed"();
CREATE TRIGGER "Clinic_monitor_settings_changed"
  AFTER INSERT OR DELETE OR UPDATE OF "companyId", "shortName", "timezone", "outboundOpenedAt" ON "Clinic"
  FOR EACH ROW EXECUTE FUNCTION "notify_monitor_settings_changed"();
