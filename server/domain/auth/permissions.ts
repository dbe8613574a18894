/**
 * Permission keys. The 智能外呼 group mirrors seed §1; the others guard the rest of the shell.
 * Platform review is not a role permission: only users flagged isPlatformAdmin hold it.
 */
export const OUTBOUND_PERMISSIONS = [
  "outbound.view", // 查看智能外呼页面
  "outbound.scripts.manage", // 配置话术
  "outbound.calls.start", // 发起智能外呼
  "outbound.tasks.manage", // 管理外呼任务 (暂停/启用/停用, 客户名单)
  "outbound.records.view", // 查看话单记录
  "outbound.recordings.play", // 播放/下载录音
  "outbound.journey.use", // 使用自动旅程智能外呼组件
  "outbound.onboarding.manage", // 申请开通智能外呼 (填写申请信息、上传资质材料)
] as const;

export const BASE_PERMISSIONS = [
  "patients.view", // 患者管理
  "patients.mobile.view", // 查看完整手机号
  "patients.import", // 导入患者
  "integrations.manage", // 开放接口与 Webhook
  "clinics.manage", // 诊所管理-门诊信息
  "roles.manage", // 人事管理-角色管理
  "sms.manage", // 营销-短信管理
  "journeys.manage", // 自动旅程
  "followUps.view", // 回随访记录
] as const;

export const PLATFORM_REVIEW = "platform.qualification.review" as const;

export type OutboundPermission = (typeof OUTBOUND_PERMISSIONS)[number];
export type BasePermission = (typeof BASE_PERMISSIONS)[number];
export type Permission = OutboundPermission | BasePermission | typeof PLATFORM_REVIEW;

export const ROLE_PERMISSIONS: readonly Permission[] = [...BASE_PERMISSIONS, ...OUTBOUND_PERMISSIONS];

export function isRolePermission(key: string): key is OutboundPermission | BasePermission {
  return (ROLE_PERMISSIONS as readonly string[]).includes(key);
}

export type SystemRoleKey = "companyAdmin" | "clinicAdmin" | "frontDesk" | "consultant" | "onlineConsultant";

/** 公司管理员 and 诊所管理员 hold every 智能外呼 permission by default (seed §1). */
export const DEFAULT_ROLE_PERMISSIONS: Record<SystemRoleKey, readonly Permission[]> = {
  companyAdmin: [...BASE_PERMISSIONS, ...OUTBOUND_PERMISSIONS],
  clinicAdmin: [...BASE_PERMISSIONS.filter((p) => p !== "roles.manage" && p !== "patients.import" && p !== "integrations.manage"), ...OUTBOUND_PERMISSIONS],
  frontDesk: ["patients.view", "followUps.view"],
  consultant: ["patients.view", "patients.mobile.view", "followUps.view"],
  onlineConsultant: ["patients.view", "patients.mobile.view", "followUps.view"],
};

export const SYSTEM_ROLE_NAMES: Record<SystemRoleKey, string> = {
  companyAdmin: "公司管理员",
  clinicAdmin: "诊所管理员",
  frontDesk: "前台",
  consultant: "咨询师",
  onlineConsultant: "网电咨询师",
};

export interface Viewer {
  userId: string;
  name: string;
  companyId: string | null;
  roleKey: string | null;
  roleName: string | null;
  isPlatformAdmin: boolean;
  /** Clinics the viewer may see; for company-wide users every clinic of the company. */
  clinicIds: string[];
  /**
   * Every clinic of the viewer's company, when the viewer was loaded with them (server/services/auth/load-viewer.ts;
   * the per-process cache drops the viewer when the company's clinics change): lets a tenant query decide whether the
   * caller sees the whole company without asking the database (server/services/tenancy/clinic-filter.ts).
   */
  companyClinicIds?: readonly string[];
  permissions: ReadonlySet<Permission>;
}

export function can(viewer: Pick<Viewer, "permissions" | "isPlatformAdmin">, permission: Permission): boolean {
  if (permission === PLATFORM_REVIEW) return viewer.isPlatformAdmin;
  return viewer.permissions.has(permission);
}
