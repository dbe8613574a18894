/** Pure generators for realistic-looking seed data (Chinese names, mainland mobiles, record numbers). */
import { chance, pick, randInt, weighted, type Rng } from "./random";

// ───────────────────────────── names ─────────────────────────────

/** Common surnames, roughly by frequency (the first ones are drawn more often). */
export const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
  "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
  "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙",
  "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "莫", "孔", "汤", "施", "瞿", "倪",
] as const;

export const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "慕容"] as const;

export const MALE_GIVEN_CHARS = [
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
  "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "文", "博", "晨", "昊", "然", "子", "轩",
  "睿", "泽", "宏", "毅", "峰", "海", "亮", "成", "永", "天", "嘉", "诚", "哲", "瑞", "铭", "远", "航", "翔", "思", "源",
] as const;

export const FEMALE_GIVEN_CHARS = [
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "燕", "红", "婷", "雪", "慧", "莹", "琳", "颖", "洁", "倩",
  "梅", "兰", "萍", "佳", "欣", "怡", "悦", "彤", "瑶", "琪", "晶", "雯", "璐", "蕾", "薇", "菲", "露", "妍", "诗", "梦",
  "雨", "晓", "小", "思", "嘉", "子", "一", "可", "馨", "涵", "萱", "月", "宁", "心", "安", "语", "若", "晴", "云", "淑",
] as const;

export type SeedGender = "male" | "female";

/** A Chinese full name: surname (1.5% compound) + one or two given-name characters of the gender. */
export function chineseName(rng: Rng, gender: SeedGender, compoundRate = 0.015): string {
  // Skew towards the frequent surnames: square a uniform draw so low indexes come up more.
  const surname = chance(rng, compoundRate)
    ? pick(rng, COMPOUND_SURNAMES)
    : (SURNAMES[Math.floor(rng() * rng() * SURNAMES.length)] as string);
  const chars = gender === "male" ? MALE_GIVEN_CHARS : FEMALE_GIVEN_CHARS;
  const first = pick(rng, chars);
  if (chance(rng, 0.3)) return surname + first;
  let second = pick(rng, chars);
  if (second === first && chance(rng, 0.7)) second = pick(rng, chars); // 叠字 names (婷婷) stay occasional
  return surname + first + second;
}

/** Matches how the product validates a mainland mobile (server/domain/patients/mobile.ts). */
export const MAINLAND_MOBILE_RE = /^1[3-9]\d{9}$/;

/** Allocated prefixes of the three carriers (and virtual operators), weighted roughly by how common they are. */
const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ...["134", "135", "136", "137", "138", "139", "147", "150", "151", "152"].map((p) => [p, 6] as const),
  ...["157", "158", "159", "178", "182", "183", "184", "187", "188", "198"].map((p) => [p, 6] as const),
  ...["130", "131", "132", "145", "155", "156", "166", "175", "176", "185", "186"].map((p) => [p, 4] as const),
  ...["133", "149", "153", "173", "177", "180", "181", "189", "191", "199"].map((p) => [p, 3] as const),
  ...["170", "171", "195", "197"].map((p) => [p, 1] as const),
];

/** A random valid-format mainland mobile number. */
export function randomMobile(rng: Rng): string {
  const prefix = weighted(rng, MOBILE_PREFIXES);
  let rest = "";
  for (let i = 0; i < 8; i++) rest += String(randInt(rng, 0, 9));
  return prefix + rest;
}

/** A random mobile that is not in `taken`; the result is added to `taken`. */
export function uniqueMobile(rng: Rng, taken: Set<string>): string {
  for (let i = 0; i < 1000; i++) {
    const m = randomMobile(rng);
    if (!taken.has(m)) {
      taken.add(m);
      return m;
    }
  }
  throw new Error("could not draw a unique mobile");
}

/** 病历号: clinic code + yyyymm (of registration, Shanghai) + 4-digit sequence within that clinic and month. */
export function medicalRecordNo(clinicCode: string, yearMonth: string, seq: number): string {
  return `${clinicCode}${yearMonth}${String(seq).padStart(4, "0")}`;
}

/** A birthday (UTC midnight, as stored in a @db.Date column) for someone `age` years old at `now`. */
export function birthdayForAge(rng: Rng, now: Date, age: number): Date {
  const year = now.getUTCFullYear() - age - 1;
  const dayOfYear = randInt(rng, 0, 364);
  const d = new Date(Date.UTC(year, 0, 1) + dayOfYear * 86_400_000);
  // Keep the age exact: a birthday later in the year than today has not happened yet, so move one year on if it has.
  const thisYearBirthday = Date.UTC(now.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return thisYearBirthday <= now.getTime() ? new Date(Date.UTC(year + 1, d.getUTCMonth(), d.getUTCDate())) : d;
}
