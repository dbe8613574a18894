import { z } from "zod";
import { SMS_CONTENT_MAX, SMS_NAME_MAX } from "@/server/domain/sms/sms-template";

export const smsTemplateForm = z.object({
  name: z.string().trim().min(1, "请输入模板名称").max(SMS_NAME_MAX, `模板名称最多 ${SMS_NAME_MAX} 个字`),
  content: z.string().trim().min(1, "请输入模板内容").max(SMS_CONTENT_MAX, `模板内容最多 ${SMS_CONTENT_MAX} 个字`),
});

export const duplicateSmsName = (name: string) => `短信模板「${name}」已存在，请换一个名称`;
