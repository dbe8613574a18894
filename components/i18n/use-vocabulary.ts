"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { vocabularyKeyOf } from "@/server/domain/i18n/vocabulary";
import { NODE_KIND_NAMES, type JourneyNodeKind } from "@/server/domain/journey/journey-graph";
import type { BranchWords } from "@/server/domain/journey/intent-branches";

/**
 * Product-supplied words that arrive as data (intent labels, role names, template names, reasons …) in the viewer's
 * locale; anything else — what a user typed — comes back unchanged. See server/domain/i18n/vocabulary.ts.
 */
export function useVocabulary() {
  const t = useTranslations("vocabulary");
  return useCallback(
    <T extends string | null | undefined>(text: T): T => {
      if (!text) return text;
      const key = vocabularyKeyOf(text);
      return (key ? t(key) : text) as T;
    },
    [t],
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
