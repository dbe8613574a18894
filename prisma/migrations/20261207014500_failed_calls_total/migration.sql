-- AlterTable
ALTER TABLE "CallDailyTotal" ADD COLUMN     "failedCalls" INTEGER NOT NULL DEFAULT 0;

-- 失败通话数 is the seed's 呼叫失败的通话数: calls whose outcome is `failed`, filed like the other call figures under the
-- script × clinic × source × China-time dial day (on shard 0; the shards are summed). Tasks that failed at creation or
-- were cancelled stay in failedTasks, shown apart as 下发失败数.
INSERT INTO "CallDailyTotal" ("scriptId", "clinicId", source, day, shard, "companyId", "failedCalls")
SELECT c."scriptId", c."clinicId", t.source, (c."dialedAt" + interval '8 hours')::date, 0, c."companyId", count(*)::int
FROM "Call" c JOIN "CallTask" t ON t.id = c."taskId"
WHERE c.outcome = 'failed'
GROUP BY c."scriptId", c."clinicId", t.source, (c."dialedAt" + interval '8 hours')::date, c."companyId"
ON CONFLICT ("scriptId", "clinicId", source, day, shard) DO UPDATE SET "failedCalls" = EXCLUDED."failedCalls";
