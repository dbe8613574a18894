import { z } from "zod";
import { REJECT_REASON_MAX } from "@/server/domain/qualification/application-rules";

export const approveQualificationInput = z.object({
  id: z.string().min(1),
  clinicIds: z.array(z.string().min(1)).min(1, "请至少选择一个要开通的门店").max(500),
});

export const rejectQualificationInput = z.object({
  id: z.string().min(1),
  reason: z.string().trim().min(1, "请填写驳回原因").max(REJECT_REASON_MAX, `驳回原因最多 ${REJECT_REASON_MAX} 个字`),
});
