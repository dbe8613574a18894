"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";

type VariantTest = RouterOutputs["outcomes"]["variantTest"];
const STEPS = ["dialed", "answered", "effective", "interested", "booked", "visited"] as const;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pValue = (p: number) => (p < 0.001 ? "< 0.001" : p.toFixed(3));

function Verdict({ test }: { test: VariantTest }) {
  const t = useTranslations("abTest");
  const v = test.verdict;
  const name = v.kind === "significant" ? (test.variants.find((x) => x.id === v.betterId)?.name ?? "") : "";
  return (
    <p className={v.kind === "significant" ? "text-sm font-medium text-emerald-800" : "text-sm text-muted-foreground"} data-testid="ab-verdict" data-verdict={v.kind}>
      {v.kind === "tooFew"
        ? t("verdict_tooFew")
        : v.kind === "notSignificant"
          ? t("verdict_notSignificant", { p: pValue(v.p) })
          : v.kind === "someDiffer"
            ? t("verdict_someDiffer", { p: pValue(v.p) })
            : t.rich("verdict_significant", { p: pValue(v.p), name, v: (chunks) => <span data-user-content>{chunks}</span> })}
    </p>
  );
}

/** Every pair of variants: its p, the Holm-adjusted p and whether the booking rates differ (with three variants: three rows). */
function PairTests({ test }: { test: VariantTest }) {
  const t = useTranslations("abTest");
  const variant = (id: string) => test.variants.find((x) => x.id === id);
  const label = (id: string) => variant(id)?.key ?? "?";
  return (
    <div className="overflow-x-auto">
      <p className="mb-1 text-sm font-medium">{t("pairsTitle")}</p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("pair")}</TableHead>
            <TableHead className="text-right">{t("rawP")}</TableHead>
            <TableHead className="text-right">{t("adjustedP")}</TableHead>
            <TableHead>{t("pairResult")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {test.verdict.pairs.map((pair) => (
            <TableRow key={`${pair.aId}:${pair.bId}`} data-testid="ab-pair" data-significant={pair.significant ? "yes" : "no"}>
              <TableCell className="font-medium">
                {label(pair.aId)} vs {label(pair.bId)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{pair.p === null ? "—" : pValue(pair.p)}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="ab-pair-adjusted">
                {pair.p === null ? "—" : pValue(pair.adjustedP)}
              </TableCell>
              <TableCell className={pair.significant ? "font-medium text-emerald-800" : "text-muted-foreground"}>
                {pair.p === null
                  ? t("pairUntestable")
                  : pair.significant && pair.betterId
                    ? t.rich("pairSignificant", { name: `${label(pair.betterId)} · ${variant(pair.betterId)?.name ?? ""}`, v: (chunks) => <span data-user-content>{chunks}</span> })
                    : t("pairNotSignificant")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function EndTestDialog({ test }: { test: VariantTest }) {
  const t = useTranslations("abTest");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [keep, setKeep] = useState<string | null>(null);
  const end = useMutation(
    trpc.scripts.endAbTest.mutationOptions({
      onSuccess: async () => {
        toast.success(t("endedToast"));
        await queryClient.invalidateQueries({ queryKey: trpc.outcomes.pathKey() });
        setOpen(false);
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} data-testid="end-ab-test">
        {t("endTest")}
      </Button>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("endTitle")}</AlertDialogTitle>
            <AlertDialogDescription>{t("endDescription")}</AlertDialogDescription>
          </AlertDialogHeader>
          <div className="flex items-center gap-2">
            <Label>{t("keep")}</Label>
            <Select value={keep ?? ""} onValueChange={setKeep}>
              <SelectTrigger className="w-56" aria-label={t("keep")} data-testid="keep-variant">
                <SelectValue placeholder={t("keep")} />
              </SelectTrigger>
              <SelectContent>
                {test.variants.map((v) => (
                  <SelectItem key={v.id} value={v.id}>
                    {v.key} · {v.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              disabled={!keep || end.isPending}
              onClick={(e) => {
                e.preventDefault();
                if (keep) end.mutate({ scriptId: test.script.id, keepVariantId: keep });
              }}
              data-testid="confirm-end-ab-test"
            >
              {t("confirmEnd")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}

function VariantTestCard({ scriptId, canEnd }: { scriptId: string; canEnd: boolean }) {
  const t = useTranslations("abTest");
  const to = useTranslations("outcomes");
  const trpc = useTRPC();
  const { data } = useQuery(trpc.outcomes.variantTest.queryOptions({ scriptId }));
  if (!data) return <Skeleton className="h-40 w-full" />;
  const kept = data.script.keptVariantId ? data.variants.find((v) => v.id === data.script.keptVariantId) : null;
  return (
    <Card data-testid="ab-test">
      <CardHeader className="flex flex-row flex-wrap items-center gap-3 space-y-0">
        <CardTitle className="text-base">{data.script.name}</CardTitle>
        {kept ? <Badge variant="secondary">{t.rich("ended", { name: kept.name, v: (chunks) => <span data-user-content>{chunks}</span> })}</Badge> : <Badge>{t("running")}</Badge>}
        {canEnd && !kept ? (
          <div className="ml-auto">
            <EndTestDialog test={data} />
          </div>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="overflow-x-auto">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("variant")}</TableHead>
                <TableHead className="text-right">{t("sharePercent")}</TableHead>
                {STEPS.map((s) => (
                  <TableHead key={s} className="text-right">
                    {to(`step_${s}`)}
                  </TableHead>
                ))}
                <TableHead className="text-right">{t("bookingRate")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.variants.map((v) => (
                <TableRow key={v.id} data-testid="ab-variant-row">
                  <TableCell className="font-medium">
                    {v.key} · <span data-user-content>{v.name}</span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{v.sharePercent}%</TableCell>
                  {STEPS.map((s) => (
                    <TableCell key={s} className="text-right tabular-nums">
                      {v.funnel[s].toLocaleString("zh-CN")}
                    </TableCell>
                  ))}
                  <TableCell className="text-right tabular-nums" data-testid="ab-interval">
                    {v.bookingRate === null || !v.interval ? "—" : `${pct(v.bookingRate)} (${pct(v.interval.low)}–${pct(v.interval.high)})`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {data.verdict.pairs.length > 0 ? <PairTests test={data} /> : null}
        <Verdict test={data} />
      </CardContent>
    </Card>
  );
}

/** 效果分析 → A/B 测试: each test's variants with their booking-rate intervals and whether the difference is significant. */
export function AbTestsSection({ canEnd }: { canEnd: boolean }) {
  const t = useTranslations("abTest");
  const trpc = useTRPC();
  const { data } = useQuery(trpc.outcomes.abTests.queryOptions());
  return (
    <section className="space-y-3" data-testid="ab-tests">
      <div>
        <h2 className="text-lg font-semibold">{t("sectionTitle")}</h2>
        <p className="text-sm text-muted-foreground">{t("sectionHint")}</p>
      </div>
      {!data ? (
        <Skeleton className="h-24 w-full" />
      ) : data.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noTests")}</p>
      ) : (
        data.map((s) => <VariantTestCard key={s.id} scriptId={s.id} canEnd={canEnd} />)
      )}
    </section>
  );
}
