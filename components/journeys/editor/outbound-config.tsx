"use client";

import { useTranslations } from "next-intl";
import { Lock, Plus, Trash2 } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import {
  addIntentBranch,
  initialIntentBranches,
  MAX_INTENT_BRANCHES,
  selectableIntents,
  type IntentOption,
} from "@/server/domain/journey/intent-branches";
import type { OutboundConfig } from "@/server/domain/journey/journey-graph";
import { MultiSelect } from "../multi-select";
import { ScriptPeek } from "./script-peek";
import type { ScriptInfo } from "./use-node-views";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

/**
 * 智能外呼组件: the script (启用 scripts of the journey's clinic only, with 试听 / 预览) and 客户意向多分支. Locked, with the
 * reason, when the clinic has not opened 智能外呼 (FAQ Q6).
 */
export function OutboundConfigForm({
  config,
  scripts,
  current,
  unavailable,
  editable,
  onChange,
}: {
  config: OutboundConfig;
  scripts: ScriptInfo[];
  current: ScriptInfo | undefined;
  unavailable: string | null;
  editable: boolean;
  onChange: (next: OutboundConfig) => void;
}) {
  const t = useTranslations("journeys");
  const word = useVocabulary();
  const disabled = !editable || unavailable !== null;
  const intents: IntentOption[] = current?.intents ?? [];
  const branches = config.intentBranches;
  const setBranches = (next: typeof branches) => onChange({ ...config, intentBranches: next });
  const listed = current && !scripts.some((s) => s.id === current.id) ? [current, ...scripts] : scripts;

  return (
    <div className="space-y-4">
      {unavailable ? (
        <Alert className="border-amber-300 bg-amber-50 text-amber-800" data-testid="outbound-locked">
          <Lock className="size-4" />
          <AlertDescription className="text-amber-800">{unavailable}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label>{t("outboundScript")}</Label>
        <Select
          value={config.scriptId ?? ""}
          disabled={disabled}
          onValueChange={(id) => onChange({ scriptId: id, intentBranches: branches.enabled ? initialIntentBranches() : branches })}
        >
          <SelectTrigger aria-label={t("outboundScript")} data-testid="outbound-script">
            <SelectValue placeholder={t("pickScript")} />
          </SelectTrigger>
          <SelectContent>
            {listed.map((s) => (
              <SelectItem key={s.id} value={s.id} disabled={s.status !== undefined && s.status !== "enabled"}>
                {s.name} · {t(`scriptKind_${s.kind}`)}
                {s.status && s.status !== "enabled" ? ` (${t(`scriptStatus_${s.status}`)})` : ""}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {scripts.length === 0 ? <p className="text-xs text-muted-foreground">{t("noEnabledScripts")}</p> : null}
        {current ? <ScriptPeek script={current} /> : null}
      </div>

      <div className="space-y-3 rounded-md border p-3">
        <div className="flex items-center justify-between">
          <div>
            <Label htmlFor="intent-branches">{t("intentBranches")}</Label>
            <p className="text-xs text-muted-foreground">{t("intentBranchesHint")}</p>
          </div>
          <Switch
            id="intent-branches"
            checked={branches.enabled}
            disabled={disabled}
            onCheckedChange={(on) => setBranches(on ? initialIntentBranches() : { enabled: false, branches: [] })}
            data-testid="intent-branches-switch"
          />
        </div>
        {branches.enabled ? (
          <div className="space-y-2" data-testid="intent-branch-rules">
            {branches.branches.map((b) => (
              <div key={b.key} className="flex items-start gap-2" data-testid={`branch-${b.key}`}>
                <Badge variant="outline" className="mt-2 w-7 justify-center">
                  {b.key}
                </Badge>
                <div className="min-w-0 flex-1">
                  <MultiSelect
                    options={selectableIntents(branches, b.key, intents).map((o) => ({ value: o.key, label: word(o.label) }))}
                    value={b.intents}
                    disabled={disabled || !current}
                    onChange={(next) => setBranches({ ...branches, branches: branches.branches.map((x) => (x.key === b.key ? { ...x, intents: next } : x)) })}
                    placeholder={current ? t("pickIntents") : t("pickScriptFirst")}
                    emptyText={t("noIntentsLeft")}
                    testId={`branch-${b.key}-intents`}
                  />
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  disabled={disabled}
                  aria-label={t("removeBranch", { key: b.key })}
                  onClick={() => setBranches({ ...branches, branches: branches.branches.filter((x) => x.key !== b.key) })}
                >
                  <Trash2 className="size-4" />
                </Button>
              </div>
            ))}
            {(["empty", "other"] as const).map((k) => (
              <div key={k} className="flex items-center gap-2 text-sm" data-testid={`branch-${k}`}>
                <Badge variant="secondary">{t(`branch_${k}`)}</Badge>
                <span className="text-xs text-muted-foreground">{t(`branch_${k}_hint`)}</span>
              </div>
            ))}
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={disabled || branches.branches.length >= MAX_INTENT_BRANCHES}
              onClick={() => {
                const next = addIntentBranch(branches);
                if (next) setBranches(next);
              }}
              data-testid="add-branch"
            >
              <Plus className="size-4" /> {t("addBranch")}
            </Button>
            <p className="text-xs text-muted-foreground">{t("branchRules", { max: MAX_INTENT_BRANCHES })}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
