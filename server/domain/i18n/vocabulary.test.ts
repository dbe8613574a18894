import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTENT } from "@/server/domain/templates/intents";
import { VOCABULARY, vocabularyKeyOf } from "./vocabulary";

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), `server/i18n/messages/${locale}/vocabulary.json`), "utf8")).vocabulary as Record<string, string>;

/** Keys of the namespace that are not product data but words for composing it. */
const COMPOSING = ["listSeparator"];

describe("vocabulary", () => {
  it("zh-CN messages hold exactly the domain's texts", () => {
    const zh = messages("zh-CN");
    for (const k of COMPOSING) delete zh[k];
    expect(zh).toEqual(VOCABULARY);
  });
  it("maps a canonical label to its key and leaves a label a user typed alone", () => {
    expect(vocabularyKeyOf(INTENT.notLocal.label)).toBe("intent_notLocal");
    expect(vocabularyKeyOf("公司管理员")).toBe("role_companyAdmin");
    expect(vocabularyKeyOf("预约到店提醒（固定）")).toBe("templateName_fixed-appointment-reminder");
    expect(vocabularyKeyOf("很想来")).toBeNull();
    expect(vocabularyKeyOf("张三")).toBeNull();
  });
});
