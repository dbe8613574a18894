import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import model from "../../server/domain/intent/intent-model.json";
import { classifyIntent } from "../../server/domain/intent/classify-intent";
import { PRESET_TEMPLATES } from "../../server/domain/templates/catalog";

const HERE = __dirname;

describe("the shipped learned intent model", () => {
  it("was trained on exactly the three development corpora, as they are today (else: npm run intent:train)", () => {
    const learn = readFileSync(path.join(HERE, "learn.ts"), "utf8");
    expect(learn).toMatch(/TRAINING_CORPORA = \["dev\.jsonl", "dev2\.jsonl", "dev3\.jsonl"\] as const/);
    // The training code reads cases only through that list: no directory listing, no glob, no other file name.
    for (const file of ["learn.ts", "train-model.ts"]) {
      const code = readFileSync(path.join(HERE, file), "utf8");
      expect(code).not.toMatch(/readdirSync|readdir\(|globSync|glob\(|opendir/);
      for (const name of code.match(/[\w-]+\.jsonl/g) ?? []) expect(["dev.jsonl", "dev2.jsonl", "dev3.jsonl"]).toContain(name);
    }
    expect(Object.keys(model.trainedOn).sort()).toEqual(["dev.jsonl", "dev2.jsonl", "dev3.jsonl"]);
    for (const [file, sha] of Object.entries(model.trainedOn)) {
      const now = createHash("sha256").update(readFileSync(path.join(HERE, "cases", file))).digest("hex");
      expect(sha, `${file} changed since the model was trained: run npm run intent:train`).toBe(now);
    }
  });

  it("classifies a call in well under 5 ms", () => {
    const template = PRESET_TEMPLATES.find((t) => t.key === "satisfaction-survey")!;
    const input = {
      category: template.category,
      intents: template.intents,
      answered: true,
      turns: [
        { speaker: "ai" as const, text: "想了解一下您对我们的整体服务体验是否满意？" },
        { speaker: "patient" as const, text: "医生挺好的，就是前台让我等了快一个小时，下次能不能安排好一点" },
        { speaker: "ai" as const, text: "非常抱歉，请问还有其他意见吗？" },
        { speaker: "patient" as const, text: "没了，就这样吧" },
      ],
    };
    classifyIntent(input);
    // CPU time, best of five rounds: the cost of a call, not the wait for a shared machine's cores.
    const rounds = Array.from({ length: 5 }, () => {
      const t0 = process.cpuUsage();
      for (let i = 0; i < 40; i++) classifyIntent(input);
      const used = process.cpuUsage(t0);
      return (used.user + used.system) / 1000 / 40;
    });
    expect(Math.min(...rounds)).toBeLessThan(5);
  });
});
