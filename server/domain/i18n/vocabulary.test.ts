import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTENT } from "@/server/domain/templates/intents";
import { translateProductText, VOCABULARY, vocabularyKeyOf } from "./vocabulary";

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
  it("words product text in English, composed names included, and leaves what users typed", () => {
    const en = messages("en");
    const word = (key: string) => en[key]!;
    expect(translateProductText("不在本地", word, ", ")).toBe("Not in town");
    expect(translateProductText("智能外呼 1", word, ", ")).toBe("AI call 1");
    expect(translateProductText("等待 2", word, ", ")).toBe("Wait 2");
    expect(translateProductText("A(有意向、比较有意向)", word, ", ")).toBe("A(Interested, Somewhat interested)");
    expect(translateProductText("默认为空", word, ", ")).toBe("Empty (default)");
    expect(translateProductText("回访 1", word, ", ")).toBe("回访 1");
    expect(translateProductText("B(很想来)", word, ", ")).toBe("B(很想来)");
  });
});
