"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { translateProductText } from "@/server/domain/i18n/vocabulary";
import { NODE_KIND_NAMES, type JourneyNodeKind } from "@/server/domain/journey/journey-graph";
import type { BranchWords } from "@/server/domain/journey/intent-branches";
import type { JourneyProblem } from "@/server/domain/journey/validate-journey";

/**
 * Product-supplied words that arrive as data (intent labels, role names, template names, reasons …) in the viewer's
 * locale; anything else — what a user typed — comes back unchanged. See server/domain/i18n/vocabulary.ts.
 */
export function useVocabulary() {
  const t = useTranslations("vocabulary");
  return useCallback(
    <T extends string | null | undefined>(text: T): T => {
      if (!text) return text;
      return translateProductText(text, (key) => t(key), t("listSeparator")) as T;
    },
    [t],
  );
}

/** A journey problem (server/domain/journey/validate-journey.ts) in the viewer's locale. */
export function useJourneyProblemText() {
  const t = useTranslations("journeys");
  const word = useVocabulary();
  return useCallback(
    (p: JourneyProblem) => {
      const params = p.params ?? {};
      return t(`problem_${p.code}`, {
        node: word(params.node ?? ""),
        branch: word(params.branch ?? ""),
        intent: word(params.intent ?? ""),
        script: params.script ?? "",
        key: params.key ?? "",
        other: params.other ?? "",
        max: params.max ?? 0,
        reason: params.lock ? t(`outboundLocked_${params.lock}`, { clinic: params.clinic ?? "" }) : (params.reason ?? ""),
      });
    },
    [t, word],
  );
}

/** Node kind names (开始, 智能外呼 …) in the viewer's locale, for `nodeDisplayNames`. */
export function useNodeKindNames(): Record<JourneyNodeKind, string> {
  const t = useTranslations("vocabulary");
  return useMemo(() => Object.fromEntries(Object.keys(NODE_KIND_NAMES).map((k) => [k, t(`nodeKind_${k}`)])) as Record<JourneyNodeKind, string>, [t]);
}

/** `branchLabel`'s words in the viewer's locale. */
export function useBranchWords(): BranchWords {
  const t = useTranslations("vocabulary");
  const word = useVocabulary();
  return useMemo(() => ({ empty: t("branch_empty"), other: t("branch_other"), intent: word, separator: t("listSeparator") }), [t, word]);
}
