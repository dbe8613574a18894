import type { RosterExportLabels } from "../../server/services/dialer/outbound/export-script-roster";

/** The zh-CN labels the export route passes (the bench has no request locale). */
export const ZH_ROSTER_LABELS: RosterExportLabels = {
  sheetName: "客户名单",
  headers: ["姓名", "性别", "手机号", "病历号", "外呼门店", "执行状态", "添加员工", "添加时间", "失败原因"],
  gender: { male: "男", female: "女", unknown: "未知" },
  status: {
    waiting: "待呼叫",
    redialWaiting: "等待重拨",
    calling: "呼叫中",
    answered: "已接听",
    notConnected: "未接通",
    intercepted: "已拦截",
    cancelled: "已取消",
    failed: "呼叫失败",
  },
  locale: "zh-CN",
  timeZone: "Asia/Shanghai",
};
