"use client";

import { useTranslations } from "next-intl";
import { Clock, Flag, Lock, PhoneCall } from "lucide-react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";

type Kind = "outbound" | "wait" | "end";

/**
 * 组件库. 【全渠道触达】 holds the 智能外呼组件, which cannot be added when the clinic has not opened 智能外呼 (FAQ Q6: the
 * reason is shown). Click a component to add it after the selected node, or drag it onto the canvas.
 */
export function ComponentLibrary({ onAdd, outboundUnavailable }: { onAdd: (kind: Kind) => void; outboundUnavailable: string | null }) {
  const t = useTranslations("journeys");
  const groups: { key: string; items: { kind: Kind; icon: typeof PhoneCall; disabled: string | null }[] }[] = [
    { key: "libOmnichannel", items: [{ kind: "outbound", icon: PhoneCall, disabled: outboundUnavailable }] },
    {
      key: "libFlow",
      items: [
        { kind: "wait", icon: Clock, disabled: null },
        { kind: "end", icon: Flag, disabled: null },
      ],
    },
  ];
  return (
    <aside className="w-52 shrink-0 space-y-4 overflow-y-auto border-r bg-muted/20 p-3" aria-label={t("library")}>
      <div className="text-sm font-semibold">{t("library")}</div>
      {groups.map((g) => (
        <div key={g.key} className="space-y-2">
          <div className="text-xs font-medium text-muted-foreground">{t(g.key)}</div>
          {g.items.map((item) => {
            const Icon = item.icon;
            const button = (
              <button
                type="button"
                draggable={!item.disabled}
                aria-disabled={item.disabled ? true : undefined}
                onDragStart={(e) => {
                  e.dataTransfer.setData("application/journey-node", item.kind);
                  e.dataTransfer.effectAllowed = "move";
                }}
                onClick={() => !item.disabled && onAdd(item.kind)}
                className={cn(
                  "flex w-full items-center gap-2 rounded-md border bg-background px-3 py-2 text-left text-sm shadow-xs hover:border-primary hover:text-primary",
                  item.disabled && "cursor-not-allowed opacity-60 hover:border-border hover:text-inherit",
                )}
                data-testid={`add-${item.kind}`}
              >
                <Icon className="size-4" aria-hidden />
                {t(`component_${item.kind}`)}
                {item.disabled ? <Lock className="ml-auto size-3.5" aria-hidden /> : null}
              </button>
            );
            return item.disabled ? (
              <div key={item.kind} className="space-y-1">
                <Tooltip>
                  <TooltipTrigger asChild>{button}</TooltipTrigger>
                  <TooltipContent className="max-w-64">{item.disabled}</TooltipContent>
                </Tooltip>
                <p className="text-xs text-amber-700" data-testid="outbound-unavailable">
                  {item.disabled}
                </p>
              </div>
            ) : (
              <div key={item.kind}>{button}</div>
            );
          })}
        </div>
      ))}
      <p className="text-xs leading-relaxed text-muted-foreground">{t("libraryHint")}</p>
    </aside>
  );
}
