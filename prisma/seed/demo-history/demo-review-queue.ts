/**
 * Company B (皓齿口腔连锁) in qualification review: its admin filled in the application, uploaded the four documents and
 * submitted, all through the product's onboarding services, so the platform admin's 资质审核 queue has one 审核中 entry
 * with real, viewable files.
 */
import { deflateSync } from "node:zlib";
import type { ObjectStorage } from "../../../server/ports/storage";
import { saveApplicant } from "../../../server/services/qualification/save-applicant";
import { submitQualification } from "../../../server/services/qualification/submit-qualification";
import { uploadQualificationDocument } from "../../../server/services/qualification/upload-qualification-document";
import type { PrismaClient } from "../db";
import { COMPANY_B } from "../presets";
import { seedCompany } from "../seed-company";
import { atShanghai } from "../time";
import { loadDemoActor } from "./demo-actor";

export async function seedDemoReviewQueue(db: PrismaClient, storage: ObjectStorage, now: Date): Promise<{ companyId: string; applicationId: string }> {
  const existing = await db.company.findFirst({ where: { name: COMPANY_B.name }, select: { id: true } });
  const companyId =
    existing?.id ??
    (await db.$transaction((tx) => seedCompany(tx, { ...COMPANY_B, clinics: [...COMPANY_B.clinics], now }), { maxWait: 30_000, timeout: 120_000 }))
      .companyId;
  const actor = await loadDemoActor(db, companyId);
  const admin = await db.user.findUniqueOrThrow({ where: { id: actor.viewer.userId }, select: { name: true, mobile: true } });
  await saveApplicant(db, actor.scope, actor.viewer, { applicantName: admin.name, applicantMobile: admin.mobile!, companyName: COMPANY_B.name, termsAccepted: true });
  const files = [
    { kind: "businessLicense", fileName: "营业执照.pdf", bytes: documentPdf(["Business licence", "Haochi Dental Group Co., Ltd.", "Unified social credit code 91440101MA5D0DEMO1"]) },
    { kind: "legalIdFront", fileName: "法人身份证正面.png", bytes: idCardPng(false) },
    { kind: "legalIdBack", fileName: "法人身份证反面.png", bytes: idCardPng(true) },
    { kind: "networkSecurityPledge", fileName: "入网安全承诺书.pdf", bytes: documentPdf(["Network security pledge", "Haochi Dental Group Co., Ltd.", "Signed and sealed by the legal representative"]) },
  ];
  for (const f of files) await uploadQualificationDocument(db, storage, actor.viewer, f);
  const submitted = await submitQualification(db, actor.scope, actor.viewer);
  // Submitted yesterday afternoon, like a real queue entry waiting for the platform's review.
  const submittedAt = atShanghai(now, -1, 16, 20);
  await db.qualificationApplication.update({ where: { id: submitted.id }, data: { submittedAt, createdAt: new Date(submittedAt.getTime() - 40 * 60_000) } });
  await db.auditLog.updateMany({ where: { targetType: "qualificationApplication", targetId: submitted.id }, data: { createdAt: submittedAt } });
  return { companyId, applicationId: submitted.id };
}

/** A one-page PDF with a few lines of text (Helvetica: the standard fonts need no embedding). */
function documentPdf(lines: string[]): Uint8Array {
  const text = lines
    .filter(Boolean)
    .map((l, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 60 ${740 - i * 36} Td (${l.replace(/[()\\]/g, "")}) Tj ET`)
    .join("\n");
  const frame = "0.8 0.1 0.1 RG 4 w 30 30 535 782 re S";
  const content = `${frame}\n${text}`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}

/** An ID-card-shaped PNG (a card, a photo box and text bars): enough for the reviewer's preview to show a picture. */
function idCardPng(back: boolean): Uint8Array {
  const w = 428;
  const h = 270;
  const px = new Uint8Array(w * h * 3);
  const fill = (x0: number, y0: number, x1: number, y1: number, rgb: [number, number, number]) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) px.set(rgb, (y * w + x) * 3);
  };
  fill(0, 0, w, h, [245, 245, 240]);
  fill(10, 10, w - 10, h - 10, back ? [214, 232, 246] : [233, 240, 226]);
  if (back) {
    fill(40, 40, 110, 110, [200, 40, 40]);
    for (let i = 0; i < 3; i++) fill(140, 150 + i * 30, w - 40, 164 + i * 30, [90, 100, 120]);
  } else {
    fill(w - 140, 50, w - 40, 180, [170, 180, 190]);
    for (let i = 0; i < 5; i++) fill(40, 50 + i * 34, 220 - (i % 2) * 40, 64 + i * 34, [70, 80, 90]);
    fill(40, 220, w - 40, 236, [40, 40, 40]);
  }
  return encodePng(w, h, px);
}

function encodePng(w: number, h: number, rgb: Uint8Array): Uint8Array {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) Buffer.from(rgb.subarray(y * w * 3, (y + 1) * w * 3)).copy(raw, y * (w * 3 + 1) + 1);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
