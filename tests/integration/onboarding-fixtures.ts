import type { ObjectStorage, StoredObject } from "@/server/ports/storage";
import { seedCompany } from "../../prisma/seed/seed-company";
import { testDb } from "./fixtures";
import { freeCompanyKey } from "./free-company-key";

/**
 * A company of its own for each onboarding test, so approving it never changes what other test files assume about
 * the seeded companies a and b (b must stay un-opened for them).
 */
export async function createFreshCompany(wanted: string) {
  const db = testDb();
  const key = await freeCompanyKey(db, wanted);
  const seeded = await db.$transaction(
    (tx) =>
      seedCompany(tx, {
        key,
        name: `测试口腔-${key}`,
        clinics: [
          { name: `测试口腔(一店)-${key}`, shortName: "一店", address: "广州市天河区体育西路1号" },
          { name: `测试口腔(二店)-${key}`, shortName: "二店", address: "广州市越秀区北京路2号" },
          { name: `测试口腔(三店)-${key}`, shortName: "三店", address: "广州市海珠区江南大道3号" },
        ],
        patients: 0,
        now: new Date(),
      }),
    { timeout: 60_000 },
  );
  return { companyId: seeded.companyId, clinicIds: seeded.clinicIds, admin: seeded.users.companyAdmin, clinicAdmin: seeded.users.clinicAdmin, frontDesk: seeded.users.frontDesk };
}

/** In-memory object storage that can be told to fail, to check nothing is half-saved. */
export class MemoryStorage implements ObjectStorage {
  readonly objects = new Map<string, StoredObject>();
  failPuts = 0;
  beforePutResolves: (() => Promise<void>) | null = null;

  async put(key: string, body: Uint8Array, { contentType }: { contentType: string }) {
    if (this.failPuts > 0) {
      this.failPuts--;
      throw new Error("storage unavailable");
    }
    this.objects.set(key, { body: Buffer.from(body), contentType, size: body.byteLength });
    await this.beforePutResolves?.();
  }
  async get(key: string) {
    return this.objects.get(key) ?? null;
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

/** Small files whose first bytes are real: a PNG signature, a JPEG SOI marker, a PDF header, and text posing as PDF. */
export const FILES: Record<"png" | "jpg" | "pdf" | "fakePdf", Uint8Array> = {
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  jpg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
  pdf: enc("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
  fakePdf: enc("this is a text file renamed to .pdf"),
};

export const APPLICANT = { applicantName: "李娜", applicantMobile: "13912345670", companyName: "测试口腔连锁", termsAccepted: true as const };
