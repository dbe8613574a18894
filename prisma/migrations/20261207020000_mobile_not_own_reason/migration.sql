-- A number marked 非本人 (Patient.hasOwnMobile = false) was refused with the reason noMobile 「客户暂无手机号」, untrue next
-- to the number the page shows. The creation check now says mobileNotOwn (server/domain/call-tasks/creation-checks.ts);
-- the tasks and journey roster entries refused so far get the same reason.
UPDATE "CallTask" t SET reason = 'mobileNotOwn'
FROM "Patient" p
WHERE p.id = t."patientId" AND t.status = 'failed' AND t.reason = 'noMobile'
  AND NOT p."hasOwnMobile" AND coalesce(t.mobile, p.mobile, '') <> '';

UPDATE "JourneyRosterEntry" r SET "failReason" = 'mobileNotOwn'
FROM "Patient" p
WHERE p.id = r."patientId" AND r.status = 'dispatchFailed' AND r."failReason" = 'noMobile'
  AND NOT p."hasOwnMobile" AND coalesce(p.mobile, '') <> '';
