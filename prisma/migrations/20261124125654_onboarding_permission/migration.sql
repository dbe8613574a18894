-- New role permission "outbound.onboarding.manage" (申请开通智能外呼). 公司管理员 and 诊所管理员 hold every 智能外呼
-- permission by default (seed §1), so existing system roles of those kinds receive it too.
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT r."id", 'outbound.onboarding.manage'
FROM "Role" r
WHERE r."isSystem" AND r."key" IN ('companyAdmin', 'clinicAdmin')
ON CONFLICT DO NOTHING;
