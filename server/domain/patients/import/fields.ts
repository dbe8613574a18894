/** 导入患者: the patient fields a file's columns can be mapped to, in the order the mapping form shows them. */
export const IMPORT_FIELDS = [
  "name",
  "mobile",
  "gender",
  "birthday",
  "clinic",
  "consultant",
  "onlineConsultant",
  "tags",
  "lastVisitAt",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column names in the report and the form (zh-CN, what the clinics' own files call them). */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: "姓名",
  mobile: "手机号",
  gender: "性别",
  birthday: "出生日期",
  clinic: "所属诊所",
  consultant: "咨询师",
  onlineConsultant: "网电咨询师",
  tags: "标签",
  lastVisitAt: "最近到店",
};

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ["name", "mobile"];

/** Headers seen in HIS exports for each field (compared without spaces, case-insensitively). */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  name: ["姓名", "患者姓名", "客户姓名", "名字", "name"],
  mobile: ["手机号", "手机号码", "手机", "联系电话", "电话", "mobile", "phone"],
  gender: ["性别", "gender", "sex"],
  birthday: ["出生日期", "生日", "出生年月", "birthday", "dateofbirth"],
  clinic: ["所属诊所", "诊所", "门诊", "所属门诊", "clinic"],
  consultant: ["咨询师", "所属咨询师", "consultant"],
  onlineConsultant: ["网电咨询师", "网电", "onlineconsultant"],
  tags: ["标签", "患者标签", "tags"],
  lastVisitAt: ["最近到店", "最近到店时间", "最后到店", "最近就诊", "lastvisit"],
};

/** field → header of the file; a field left out is not imported. */
export type ImportMapping = Partial<Record<ImportField, string>>;

const squash = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/**
 * The mapping offered for a file: the company's remembered mapping where its header is still in the file, otherwise
 * the first header that names the field. A header is used for one field only.
 */
export function suggestMapping(headers: readonly string[], remembered: ImportMapping | null | undefined): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const prior = remembered?.[field];
    if (prior && headers.includes(prior) && !used.has(prior)) {
      mapping[field] = prior;
      used.add(prior);
    }
  }
  for (const field of IMPORT_FIELDS) {
    if (mapping[field]) continue;
    const aliases = HEADER_ALIASES[field];
    const header = headers.find((h) => !used.has(h) && aliases.includes(squash(h)));
    if (header) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

/** The problems of a mapping itself (before any row is read): a required field missing, a header mapped twice or absent. */
export function mappingProblems(headers: readonly string[], mapping: ImportMapping): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!mapping[field]) problems.push(`请为「${IMPORT_FIELD_LABELS[field]}」选择一列`);
  }
  const seen = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    if (!headers.includes(header)) problems.push(`文件中没有「${header}」列`);
    const other = seen.get(header);
    if (other) problems.push(`「${header}」列不能同时作为「${IMPORT_FIELD_LABELS[other]}」和「${IMPORT_FIELD_LABELS[field]}」`);
    seen.set(header, field);
  }
  return problems;
}
