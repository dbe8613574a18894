import type { PrismaClient } from "./db";

/**
 * 外呼管理 → AI 通话功能 in the demo (issue 24): the company has chosen its Tencent CCC call features (a shorter ring
 * and silence hang-up than the defaults, its own silence prompt), and two of its three clinics have a front-desk skill
 * group to transfer to — the third shows what "not set" looks like. The simulator ignores them but the transfer (docs/carrier-simulator.md); the page says so.
 */
export const DEMO_AI_CALL_FEATURES = {
  voicemailDetection: true,
  maxRingSeconds: 40,
  acquireTimeoutSeconds: 5,
  silence: { promptAfterSeconds: 10, prompt: "您好，请问您还在听吗？", maxPrompts: 2, hangUpAfterSeconds: 35 },
  extraction: true,
  transferToFrontDesk: true,
  complianceAudio: true,
};
export const DEMO_FRONT_DESK_SKILL_GROUPS = [3001, 3002];

export async function seedAiCallFeaturesDemo(db: PrismaClient, companyId: string, clinicIds: string[]) {
  await db.company.update({ where: { id: companyId }, data: { aiCallFeatures: DEMO_AI_CALL_FEATURES } });
  for (const [i, group] of DEMO_FRONT_DESK_SKILL_GROUPS.entries()) {
    const id = clinicIds[i];
    if (id) await db.clinic.update({ where: { id }, data: { frontDeskSkillGroupId: group } });
  }
}
