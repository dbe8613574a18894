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
import { checkDocumentFile } from "../../../server/domain/qualification/sniff-file-type";
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
  for (const f of qualificationFiles(COMPANY_B.name, "91440101MA5D0DEMO1")) await uploadQualificationDocument(db, storage, actor.viewer, f);
  const submitted = await submitQualification(db, actor.scope, actor.viewer);
  // Submitted yesterday afternoon, like a real queue entry waiting for the platform's review.
  const submittedAt = atShanghai(now, -1, 16, 20);
  // Backdated as a whole, in the order a person does it: application and 同意服务条款, then the uploads, then 提交.
  const createdAt = new Date(submittedAt.getTime() - 40 * 60_000);
  await db.qualificationApplication.update({
    where: { id: submitted.id },
    data: { submittedAt, createdAt, termsAcceptedAt: new Date(createdAt.getTime() + 2 * 60_000) },
  });
  const docs = await db.qualificationDocument.findMany({ where: { applicationId: submitted.id }, orderBy: { uploadedAt: "asc" }, select: { id: true } });
  for (const [i, d] of docs.entries()) {
    await db.qualificationDocument.update({ where: { id: d.id }, data: { uploadedAt: new Date(createdAt.getTime() + (10 + i * 5) * 60_000) } });
  }
  await db.auditLog.updateMany({ where: { targetType: "qualificationApplication", targetId: submitted.id }, data: { createdAt: submittedAt } });
  return { companyId, applicationId: submitted.id };
}

/** The four 资质材料 of a demo company, in Chinese as a mainland clinic's would be (marked as demo samples). */
export function qualificationFiles(companyName: string, creditCode: string) {
  return [
    {
      kind: "businessLicense",
      fileName: "营业执照.pdf",
      bytes: documentPdf(["营业执照", `名称：${companyName}有限公司`, `统一社会信用代码：${creditCode}`, "类型：有限责任公司", "经营范围：口腔诊疗服务", "（演示样本，非真实证照）"]),
    },
    { kind: "legalIdFront", fileName: "法人身份证正面.png", bytes: idCardPng(false) },
    { kind: "legalIdBack", fileName: "法人身份证反面.png", bytes: idCardPng(true) },
    {
      kind: "networkSecurityPledge",
      fileName: "入网安全承诺书.pdf",
      bytes: documentPdf(["入网安全承诺书", `承诺单位：${companyName}有限公司`, "本单位承诺依法合规使用智能外呼服务，", "不拨打骚扰电话，遵守禁呼名单与拨打频率限制。", "法定代表人签字并加盖公章", "（演示样本）"]),
    },
  ] as const;
}

/**
 * A one-page PDF with a few lines of Chinese text, in the standard CJK font STSong-Light (UniGB-UCS2-H): PDF viewers
 * supply it, so nothing is embedded. Text is written as UCS-2 hex strings.
 */
function documentPdf(lines: string[]): Uint8Array {
  const hex = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0).toString(16).padStart(4, "0")).join("");
  const text = lines
    .filter(Boolean)
    .map((l, i) => `BT /F1 ${i === 0 ? 22 : 13} Tf 60 ${740 - i * 36} Td <${hex(l)}> Tj ET`)
    .join("\n");
  const frame = "0.8 0.1 0.1 RG 4 w 30 30 535 782 re S";
  const content = `${frame}\n${text}`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
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

/**
 * Company A (微笑口腔连锁) is 已通过: its approved application holds the four 资质材料 it was approved on, uploaded
 * before it was submitted (seedCompany writes the application; the files need the app's storage, so they come here).
 */
export async function seedApprovedDocuments(db: PrismaClient, storage: ObjectStorage, companyId: string, companyName: string): Promise<number> {
  const application = await db.qualificationApplication.findFirst({
    where: { companyId, status: "approved" },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, termsAcceptedAt: true, submittedAt: true, _count: { select: { documents: true } } },
  });
  if (!application || application._count.documents > 0) return 0;
  const start = application.termsAcceptedAt ?? application.createdAt;
  const files = qualificationFiles(companyName, "91310106MA1FDEMO2X");
  for (const [i, f] of files.entries()) {
    const check = checkDocumentFile(f.bytes);
    if (!check.ok) throw new Error(`demo document ${f.kind} is not a valid file: ${check.reason}`);
    const key = `qualification/${companyId}/${application.id}/${f.kind}-demo.${check.type.ext}`;
    await storage.put(key, f.bytes, { contentType: check.type.mimeType });
    await db.qualificationDocument.create({
      data: {
        applicationId: application.id,
        kind: f.kind,
        storageKey: key,
        fileName: f.fileName,
        mimeType: check.type.mimeType,
        sizeBytes: f.bytes.byteLength,
        uploadedAt: new Date(Math.min(start.getTime() + (i + 1) * 60_000, (application.submittedAt ?? start).getTime())),
      },
    });
  }
  return files.length;
}
