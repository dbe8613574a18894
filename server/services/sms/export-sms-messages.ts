import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Tx } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { smsExportFileName, type SmsRecordStatus } from "@/server/domain/sms/sms-message";
import { smsMessageFilters } from "./list-sms-messages.schema";
import { smsMessageLine, smsMessageSelect, smsMessageWhere, type SmsMessageRow } from "./sms-message-query";

export interface SmsExportLabels {
  sheetName: string;
  /** File name prefix: 短信发送记录. */
  fileName: string;
  /** 发送时间, 患者, 门店, 手机号, 短信模板, 短信内容, 状态, 失败原因 — in this order. */
  headers: readonly string[];
  status: Record<SmsRecordStatus, string>;
  locale: "zh-CN" | "en";
  timeZone: string;
}

const BATCH = 500;

/** 短信发送记录 → 【导出】 as .xlsx, streamed in keyset batches like the 客户名单 export (export-script-roster). */
export async function exportSmsMessages(db: Tx, scope: Scope, viewer: Viewer, raw: Record<string, string | undefined>, labels: SmsExportLabels, now: Date) {
  const parsed = smsMessageFilters.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "筛选条件不正确");
  const filters = parsed.data;
  const where = await smsMessageWhere(db, scope, filters);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(labels.sheetName);
  sheet.columns = labels.headers.map((header, i) => ({ header, key: String(i), width: [20, 10, 10, 14, 18, 60, 10, 24][i] ?? 12 }));
  const formatter = new Intl.DateTimeFormat("sv-SE", { timeZone: labels.timeZone, dateStyle: "short", timeStyle: "medium" });

  const done = (async () => {
    let rows = 0;
    let after: { createdAt: Date; id: string } | null = null;
    try {
      for (;;) {
        const page: SmsMessageRow[] = await db.smsMessage.findMany({
          where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: BATCH,
          select: smsMessageSelect,
        });
        for (const row of page) {
          const line = smsMessageLine(row, viewer, labels.locale);
          sheet
            .addRow([formatter.format(line.createdAt), line.patientName ?? "", line.clinic ?? "", line.mobile, line.templateName ?? "", line.content, labels.status[line.status], line.failReason ?? ""])
            .commit();
        }
        rows += page.length;
        if (out.writableNeedDrain) await once(out, "drain");
        if (page.length < BATCH) break;
        const last: SmsMessageRow = page[page.length - 1]!;
        after = { createdAt: last.createdAt, id: last.id };
      }
      sheet.commit();
      await workbook.commit();
      return rows;
    } catch (error) {
      out.destroy(error as Error);
      throw error;
    }
  })();
  done.catch(() => undefined);
  return { fileName: smsExportFileName(labels.fileName, now, labels.timeZone), stream: out as Readable, done };
}
