import type { Page } from "@playwright/test";
import { sql } from "./helpers";

export const COMPANY_B = "皓齿口腔连锁";
/** A third clinic added to company B for this spec only, to show that unapproved clinics stay closed. */
export const EXTRA_CLINIC = { name: "皓齿口腔(白云店)", shortName: "白云店", address: "广州市白云区白云大道北1号" };

/** Puts company B back to "never applied" (it is the un-opened tenant other specs rely on). */
export async function resetCompanyB() {
  const [b] = await sql<{ id: string }>(`select id from "Company" where name = $1`, [COMPANY_B]);
  if (!b) throw new Error("company B is not seeded");
  await sql(`delete from "QualificationApplication" where "companyId" = $1`, [b.id]);
  await sql(
    `delete from "AuditLog" where "companyId" = $1 and ("targetType" = 'qualificationApplication' or action like 'clinic.outbound.%')`,
    [b.id],
  );
  await sql(`delete from "Clinic" where "companyId" = $1 and "shortName" = $2`, [b.id, EXTRA_CLINIC.shortName]);
  await sql(`update "Clinic" set "outboundOpenedAt" = null where "companyId" = $1`, [b.id]);
  return b.id;
}

export async function addExtraClinic(companyId: string) {
  await sql(
    `insert into "Clinic" (id, "companyId", name, "shortName", address, timezone, "createdAt", "updatedAt")
     values ('e2e-onb-extra-clinic', $1, $2, $3, $4, 'Asia/Shanghai', now(), now())`,
    [companyId, EXTRA_CLINIC.name, EXTRA_CLINIC.shortName, EXTRA_CLINIC.address],
  );
}

/** Real, tiny files: a PNG and a JPG drawn by the browser's canvas, a minimal PDF, and a text file posing as a PDF. */
export async function makeFixtureFiles(page: Page) {
  const [png, jpg] = await page.evaluate(() =>
    (["image/png", "image/jpeg"] as const).map((type) => {
      const canvas = document.createElement("canvas");
      canvas.width = 240;
      canvas.height = 160;
      const ctx = canvas.getContext("2d")!;
      ctx.fillStyle = type === "image/png" ? "#fff7ed" : "#eff6ff";
      ctx.fillRect(0, 0, 240, 160);
      ctx.fillStyle = "#b91c1c";
      ctx.font = "bold 22px sans-serif";
      ctx.fillText(type === "image/png" ? "营业执照" : "身份证", 60, 90);
      return canvas.toDataURL(type).split(",")[1]!;
    }),
  );
  const pdf = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return {
    png: { name: "营业执照.png", mimeType: "image/png", buffer: Buffer.from(png!, "base64") },
    jpg: { name: "法人身份证.jpg", mimeType: "image/jpeg", buffer: Buffer.from(jpg!, "base64") },
    pdf: { name: "入网安全承诺书.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) },
    fakePdf: { name: "营业执照.pdf", mimeType: "application/pdf", buffer: Buffer.from("这其实是一个文本文件，只是改了扩展名") },
  };
}
