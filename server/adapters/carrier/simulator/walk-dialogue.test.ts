import { describe, expect, it } from "vitest";
import { classifyIntent } from "@/server/domain/intent/classify-intent";
import { AI_TEMPLATES } from "@/server/domain/templates/catalog";
import { composeDialogues } from "@/server/domain/templates/compose-dialogues";
import { MARKETING_DIALOGUES } from "./fixtures.test-helpers";
import { renderLine, walkDialogue } from "./walk-dialogue";
import type { Persona } from "./number-behaviour";

const vars = { patientTitle: "王女士", clinicShortName: "静安店", clinicAddress: "南京西路1266号" };
const walk = (persona: Persona, seed = "s") => walkDialogue(MARKETING_DIALOGUES, persona, vars, seed);
const patientSaid = (w: ReturnType<typeof walk>) => w.lines.filter((l) => l.speaker === "patient").map((l) => l.text);

describe("walkDialogue", () => {
  it("fills call variables and never reads out an unknown placeholder", () => {
    expect(renderLine("您好{patientTitle}，这里是{clinicShortName}{unknownThing}", vars)).toBe("您好王女士，这里是静安店");
  });

  it("takes the positive path for an interested patient; the bot ends the call", () => {
    const w = walk("interested");
    expect(w.lines[0]).toEqual({ speaker: "ai", text: expect.stringContaining("王女士") });
    expect(w.hangupBy).toBe("bot");
    expect(w.rounds).toBe(2);
    expect(w.lines.at(-1)).toMatchObject({ speaker: "ai", text: expect.stringContaining("南京西路1266号") });
  });

  it("answers only 嗯嗯 as an assenting patient", () => {
    const w = walk("assent");
    expect(patientSaid(w).every((t) => /^[嗯哦，]+$/.test(t))).toBe(true);
    expect(w.rounds).toBeGreaterThanOrEqual(2);
  });

  it("asks the price with the scripted question and hears the price scenario", () => {
    const w = walk("asksPrice");
    expect(patientSaid(w)[0]).toBe("大概多少钱？你们在哪儿？");
    expect(w.lines.some((l) => l.text.includes("6800元"))).toBe(true);
  });

  it("lets a refusing patient decline, and an opt-out patient ask not to be called and hang up", () => {
    expect(patientSaid(walk("refuses"))[0]).toBe("不需要，谢谢");
    const optOut = walk("optOut");
    expect(optOut.hangupBy).toBe("callee");
    expect(classifyIntent({ category: "marketing", intents: MARKETING_DIALOGUES.intents, answered: true, turns: optOut.lines }).optOut).toBe(true);
  });

  it("has the patient hang up after the greeting without a word", () => {
    const w = walk("hangsUp");
    expect(w).toMatchObject({ rounds: 0, hangupBy: "callee" });
    expect(w.lines).toHaveLength(1);
  });

  it("walks every preset AI template for every persona without looping, classifying the answers", () => {
    const personas: Persona[] = ["interested", "asksPrice", "asksAddress", "assent", "refuses", "optOut", "hangsUp"];
    for (const template of AI_TEMPLATES) {
      const dialogues = composeDialogues(template, {});
      for (const persona of personas) {
        const w = walkDialogue(dialogues, persona, vars, `${template.key}:${persona}`);
        expect(w.lines.length).toBeGreaterThan(0);
        expect(w.lines.filter((l) => l.speaker === "ai").length).toBeLessThanOrEqual(14);
        const result = classifyIntent({ category: template.category, intents: template.intents, dialogues, answered: true, turns: w.lines, hangupBy: w.hangupBy });
        if (persona === "interested") expect(result.canonical, `${template.key}`).not.toBeNull();
        if (persona === "optOut") expect(result.optOut, `${template.key}`).toBe(true);
      }
    }
  });
});
