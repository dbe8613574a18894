"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Pencil } from "lucide-react";
import { Textarea } from "@/components/ui/textarea";
import { CALL_VARIABLES, fromEditableText, isCallVariable, toEditableText } from "@/server/domain/templates/call-variables";
import { DIALOGUE_LIMITS } from "@/server/domain/templates/dialogue-schema";
import { cn } from "@/lib/utils";
import { VariableText } from "./variable-text";

/** The AI's line: a blue bubble; double-click to edit in place (Enter saves, Esc cancels). */
export function AiBubble({
  text,
  values,
  edited,
  editable,
  onSave,
  testId,
}: {
  text: string;
  values: Partial<Record<string, string>>;
  edited: boolean;
  editable: boolean;
  onSave: (text: string) => void;
  testId?: string;
}) {
  const t = useTranslations("scripts");
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const next = fromEditableText(draft.trim());
    const unknown = [...next.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1]!).find((k) => !isCallVariable(k));
    if (!next) return setError(t("bubbleEmpty"));
    if (Array.from(next).length > DIALOGUE_LIMITS.aiLine) return setError(t("bubbleTooLong", { max: DIALOGUE_LIMITS.aiLine }));
    if (unknown) return setError(t("bubbleUnknownVar", { name: `{${unknown}}`, list: CALL_VARIABLES.map((v) => `{${v.label}}`).join(" ") }));
    if (next !== text) onSave(next);
    setDraft(null);
    setError(null);
  };

  if (draft !== null) {
    return (
      <div className="w-full space-y-1">
        <Textarea
          autoFocus
          value={draft}
          rows={Math.min(6, Math.max(2, Math.ceil(draft.length / 28)))}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              commit();
            } else if (e.key === "Escape") {
              e.preventDefault();
              setDraft(null);
              setError(null);
            }
          }}
          className="border-primary bg-background text-sm"
          aria-label={t("previewHint")}
          data-testid="bubble-editor"
        />
        <p className={cn("text-xs", error ? "text-destructive" : "text-muted-foreground")}>
          {error ?? t("bubbleEditHint", { example: "{诊所简称}" })}
        </p>
      </div>
    );
  }

  return (
    <div
      className={cn(
        "group relative max-w-[92%] rounded-2xl rounded-tl-sm bg-primary px-3.5 py-2.5 text-sm leading-relaxed text-primary-foreground shadow-sm",
        editable && "cursor-text",
      )}
      onDoubleClick={editable ? () => setDraft(toEditableText(text)) : undefined}
      title={editable ? t("previewHint") : undefined}
      data-testid={testId}
    >
      <span lang="zh-CN">
        <VariableText text={text} values={values} inverted />
      </span>
      {edited && (
        <span className="ml-2 inline-flex items-center gap-0.5 rounded bg-white/20 px-1 text-[10px]">
          <Pencil className="size-2.5" aria-hidden />
          {t("bubbleEdited")}
        </span>
      )}
    </div>
  );
}
