"use client";

import { callVariable } from "@/server/domain/templates/call-variables";
import { cn } from "@/lib/utils";

const PLACEHOLDER = /(\{[^{}\s]{1,40}\})/g;

/**
 * A dialogue line with its call variables shown as they will sound: the preview clinic's 诊所简称/地址 filled in, the
 * per-patient ones ({患者称呼}, {预约时间} …) as labelled chips. `values` holds what is known now.
 */
export function VariableText({ text, values, inverted }: { text: string; values: Partial<Record<string, string>>; inverted?: boolean }) {
  return (
    <>
      {text.split(PLACEHOLDER).map((part, i) => {
        const m = /^\{(.+)\}$/.exec(part);
        const v = m ? callVariable(m[1]!) : undefined;
        if (!v) return <span key={i}>{part}</span>;
        const known = values[v.key];
        return (
          <span
            key={i}
            title={v.label}
            className={cn(
              "mx-0.5 rounded px-1 py-px",
              known
                ? cn("underline decoration-dotted underline-offset-2", inverted ? "decoration-white/70" : "decoration-primary/60")
                : inverted
                  ? "bg-white/20 text-white"
                  : "bg-primary/10 text-primary",
            )}
          >
            {known ?? v.label}
          </span>
        );
      })}
    </>
  );
}
