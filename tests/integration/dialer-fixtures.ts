import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/create-client";
import { matchDnc } from "@/server/domain/calling-policy";
import { zonedTimeToInstant, zonedParts } from "@/server/domain/time/local-day";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";
import type { AttemptCompleted, CarrierEvent, CarrierOutcome, CarrierPort, CreateCallInput, RecordingReady } from "@/server/ports/carrier";
import { PLATFORM_DNC } from "../../prisma/seed/seed-platform";
import { seedCompany } from "../../prisma/seed/seed-company";
import { testDb } from "./fixtures";
import { freeCompanyKey } from "./free-company-key";

/** Today (real date) at hh:mm in Shanghai: a clock near the seeded data, fixed for a test. */
export function shanghai(hour: number, minute = 0, dayOffset = 0): Date {
  const p = zonedParts(new Date(), "Asia/Shanghai");
  return zonedTimeToInstant({ year: p.year, month: p.month, day: p.day + dayOffset, hour, minute }, "Asia/Shanghai");
}

export const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

/** A company of its own (approved, first two clinics opened, no patients) with dialer limits to taste. */
export async function createDialerCompany(wanted: string, limits: Partial<{ seatLimit: number; seatsPerScript: number; dialsPerMinuteScript: number; redialMaxAttempts: number }> = {}) {
  const db = testDb();
  const key = await freeCompanyKey(db, wanted);
  const seeded = await db.$transaction(
    (tx) =>
      seedCompany(tx, {
        key,
        name: `外呼测试-${key}`,
        clinics: [
          { name: `外呼测试(一店)-${key}`, shortName: "一店", address: "上海市静安区南京西路1号" },
          { name: `外呼测试(二店)-${key}`, shortName: "二店", address: "上海市徐汇区漕溪北路2号" },
          { name: `外呼测试(三店)-${key}`, shortName: "三店", address: "上海市浦东新区张杨路3号" },
        ],
        patients: 0,
        opened: true,
        now: new Date(),
      }),
    { timeout: 60_000 },
  );
  if (Object.keys(limits).length) await db.company.update({ where: { id: seeded.companyId }, data: limits });
  return { companyId: seeded.companyId, clinicIds: seeded.clinicIds, admin: seeded.users.companyAdmin };
}

const DIALOGUE = (firstLine: string): ScriptDialogues => ({
  scenarios: [
    {
      key: "main-1",
      name: "主流程-1",
      rounds: [
        { ai: firstLine, replies: [{ text: "好的", intent: "interested", next: { kind: "continue" } }] },
        { ai: "好的，再见！", replies: [] },
      ],
    },
  ],
  intents: [{ key: "interested", label: "有意向" }],
});

/** An AI script (with its own company template) on the given clinics. */
export async function createScript(
  companyId: string,
  clinicIds: string[],
  opts: { category?: "service" | "marketing"; line?: string; status?: "enabled" | "paused" | "stopped"; journeyOnly?: boolean } = {},
  db: PrismaClient = testDb(),
) {
  const suffix = randomUUID().slice(0, 8);
  const dialogues = DIALOGUE(opts.line ?? "{patientTitle}您好，这里是{clinicShortName}，邀请您来做口腔检查。");
  const template = await db.scriptTemplate.create({
    data: {
      companyId,
      key: `t-${suffix}`,
      kind: "ai",
      name: `测试模版${suffix}`,
      category: opts.category ?? "service",
      paramSchema: [],
      scenarios: dialogues.scenarios as object[],
      intents: dialogues.intents as object[],
    },
  });
  return db.script.create({
    data: {
      companyId,
      name: `测试话术${suffix}`,
      kind: "ai",
      category: opts.category ?? "service",
      templateId: template.id,
      preview: dialogues as object,
      status: opts.status ?? "enabled",
      journeyOnly: opts.journeyOnly ?? false,
      clinics: { create: clinicIds.map((clinicId) => ({ clinicId })) },
    },
  });
}

let mobileCounter = Math.floor(Math.random() * 1e6);

/** A mobile no DNC pattern catches, unique within the test run. */
export function freshMobile(): string {
  const entries = PLATFORM_DNC.map((e) => ({ kind: e.kind, mobile: "mobile" in e ? e.mobile : null, pattern: "pattern" in e ? e.pattern : null }));
  for (;;) {
    mobileCounter += 7919;
    const mobile = `137${String(10_000_000 + (mobileCounter % 89_999_999)).padStart(8, "0")}`;
    if (matchDnc(mobile, entries) === null) return mobile;
  }
}

export async function createPatients(
  companyId: string,
  clinicId: string,
  count: number,
  overrides: Partial<{ mobile: string | null; registered: boolean; hasOwnMobile: boolean }> = {},
  db: PrismaClient = testDb(),
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `p${randomUUID().replace(/-/g, "").slice(0, 24)}`,
    companyId,
    clinicId,
    name: `测试患者${i}`,
    gender: i % 2 ? ("male" as const) : ("female" as const),
    mobile: overrides.mobile === undefined ? freshMobile() : overrides.mobile,
    registered: overrides.registered ?? true,
    hasOwnMobile: overrides.hasOwnMobile ?? true,
  }));
  await db.patient.createMany({ data: rows });
  return rows;
}

/** A carrier that accepts (idempotently per clientRef, as real vendors' echo keys allow) and lets the test finish calls. */
export class FakeCarrier implements CarrierPort {
  readonly created: CreateCallInput[] = [];
  private readonly byRef = new Map<string, { carrierCallId: string; callerId: string }>();
  failNext: Error | null = null;
  afterAccept: Error | null = null;

  async createCall(input: CreateCallInput) {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    this.created.push(input);
    const known = this.byRef.get(input.clientRef);
    const accepted = known ?? { carrierCallId: `fake_${randomUUID()}`, callerId: "13800001111" };
    this.byRef.set(input.clientRef, accepted);
    if (this.afterAccept) {
      const e = this.afterAccept;
      this.afterAccept = null;
      throw e;
    }
    return accepted;
  }
  async cancelCall() {}
  async getCall(): Promise<CarrierEvent[] | null> {
    return null;
  }
  async refreshRecording(): Promise<RecordingReady | null> {
    return null;
  }
  servesRecordingsFrom(): boolean {
    return false;
  }
  parseCallback(): CarrierEvent[] {
    return [];
  }
  /** How many times createCall was asked for each clientRef. */
  dialsPerRef(): Map<string, number> {
    const m = new Map<string, number>();
    for (const c of this.created) m.set(c.clientRef, (m.get(c.clientRef) ?? 0) + 1);
    return m;
  }
  carrierCallIdOf(clientRef: string) {
    return this.byRef.get(clientRef)?.carrierCallId ?? `fake_${clientRef}`;
  }
}

export function attemptCompleted(
  clientRef: string,
  outcome: CarrierOutcome,
  opts: { carrierCallId?: string; endedAt: Date; talkSeconds?: number; rounds?: number },
): AttemptCompleted {
  const talk = outcome === "answered" ? (opts.talkSeconds ?? 45) : 0;
  const dialedAt = new Date(opts.endedAt.getTime() - (talk + 20) * 1000);
  return {
    type: "attempt.completed",
    eventId: `evt_${randomUUID()}`,
    occurredAt: opts.endedAt.toISOString(),
    carrierCallId: opts.carrierCallId ?? `fake_${clientRef}`,
    clientRef,
    outcome,
    rawCode: outcome === "answered" ? "200" : "486",
    callerId: "13800001111",
    dialedAt: dialedAt.toISOString(),
    answeredAt: outcome === "answered" ? new Date(dialedAt.getTime() + 20_000).toISOString() : null,
    endedAt: opts.endedAt.toISOString(),
    ringSeconds: 20,
    talkSeconds: talk,
    hangupBy: "callee",
    turns: outcome === "answered" ? [{ speaker: "ai", text: "您好", at: 0 }, { speaker: "patient", text: "嗯嗯", at: 2 }] : [],
    rounds: outcome === "answered" ? (opts.rounds ?? 3) : 0,
  };
}
