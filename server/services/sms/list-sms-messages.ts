import type { Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { listSmsMessagesInput, type ListSmsMessagesInput } from "./list-sms-messages.schema";
import { smsMessageLine, smsMessageSelect, smsMessageWhere } from "./sms-message-query";

/** 短信发送记录: every SMS the company sent or tried to send (挂机短信), newest first, with its status and failure. */
export async function listSmsMessages(db: Tx, scope: Scope, viewer: Viewer, raw: ListSmsMessagesInput) {
  const input = listSmsMessagesInput.parse(raw);
  const where = await smsMessageWhere(db, scope, input);
  const [total, rows, templates] = await Promise.all([
    db.smsMessage.count({ where }),
    db.smsMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: smsMessageSelect,
    }),
    db.smsTemplate.findMany({ where: { companyId: scope.companyId, messages: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { total, items: rows.map((r) => smsMessageLine(r, viewer)), templates };
}
