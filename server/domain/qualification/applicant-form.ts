import { z } from "zod";
import { isMainlandMobile, normalizeMobile } from "../patients/mobile";

/** Step one of 开通 (seed §2): 姓名, 手机号, 企业名称, and agreement to the service terms. */
export const applicantForm = z.object({
  applicantName: z.string().trim().min(1, "请输入姓名").max(20, "姓名最多 20 个字"),
  applicantMobile: z
    .string()
    .trim()
    .min(1, "请输入手机号")
    .refine(isMainlandMobile, "请输入正确的 11 位中国大陆手机号")
    .transform(normalizeMobile),
  companyName: z.string().trim().min(1, "请输入企业名称").max(50, "企业名称最多 50 个字"),
  termsAccepted: z.literal(true, "请阅读并同意《智能外呼服务条款》"),
});
export type ApplicantForm = z.output<typeof applicantForm>;
export type ApplicantFormInput = z.input<typeof applicantForm>;
