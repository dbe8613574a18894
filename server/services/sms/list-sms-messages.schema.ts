import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

/** 短信发送记录's filters: 状态, 短信模板, 发送日期 (calendar days in the company's zone). */
export const smsMessageFilterShape = {
  status: z.enum(["queued", "sent", "failed"]).optional(),
  templateId: z.string().min(1).optional(),
  from: day.optional(),
  to: day.optional(),
};

export const smsMessageFilters = z
  .object(smsMessageFilterShape)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "开始日期不能晚于结束日期", path: ["to"] });
export type SmsMessageFilters = z.infer<typeof smsMessageFilters>;

export const listSmsMessagesInput = z
  .object({ ...smsMessageFilterShape, page: z.number().int().min(1).max(1_000).default(1), pageSize: z.number().int().min(10).max(100).default(20) })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "开始日期不能晚于结束日期", path: ["to"] });
export type ListSmsMessagesInput = z.input<typeof listSmsMessagesInput>;
