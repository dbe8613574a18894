"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { useTRPC } from "@/components/trpc/client";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/server/domain/webhooks/webhooks";

const fmt = (d: string | Date | null) => (d ? new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

/** Message keys of an event name: "appointment_request.created" → "appointment_request_created". */
const eventKey = (event: string) => event.replace(/\./g, "_");

/** 开放接口 → Webhook: endpoints with their signing secret, and the delivery log with 重发. */
export function WebhooksCard() {
  const t = useTranslations("integrations");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.integrations.webhooks.queryOptions());
  const deliveries = useQuery({ ...trpc.integrations.webhookDeliveries.queryOptions(), refetchInterval: 10_000 });
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["call.ended"]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; url: string } | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.integrations.webhooks.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.integrations.webhookDeliveries.queryKey() }),
    ]);
  const create = useMutation(
    trpc.integrations.createWebhook.mutationOptions({
      onSuccess: (r) => {
        if (r.refused) {
          setRefusal(t(`refused_${r.refused.reason}`, { host: r.refused.host, address: r.refused.address ?? "", detail: r.refused.detail }));
          return;
        }
        setRefusal(null);
        setUrl("");
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const remove = useMutation(
    trpc.integrations.deleteWebhook.mutationOptions({
      onSuccess: () => {
        setRemoving(null);
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const redeliver = useMutation(
    trpc.integrations.redeliverWebhook.mutationOptions({
      onSuccess: () => {
        toast.success(t("redelivered"));
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("webhooks")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("webhooksHint")}</p>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <Input className="w-96" placeholder="https://his.example.com/hooks/waihu" aria-label={t("webhookUrl")} value={url} onChange={(e) => setUrl(e.target.value)} />
          <Button disabled={!url.trim() || events.length === 0 || create.isPending} onClick={() => create.mutate({ url, events })}>
            {t("addWebhook")}
          </Button>
        </div>
        <div className="flex flex-wrap gap-4" role="group" aria-label={t("events")}>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm">
              <Checkbox
                checked={events.includes(e)}
                onCheckedChange={(on) => setEvents((all) => (on ? [...all, e] : all.filter((x) => x !== e)))}
              />
              {t(`event_${eventKey(e)}`)}
            </label>
          ))}
        </div>
        {refusal ? (
          <p role="alert" className="text-sm text-destructive">
            {refusal}
          </p>
        ) : null}
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("webhookUrl")}</TableHead>
              <TableHead>{t("events")}</TableHead>
              <TableHead>{t("secret")}</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {(endpoints.data ?? []).length === 0 ? (
              <TableRow>
                <TableCell colSpan={4} className="text-center text-muted-foreground">
                  {t("noWebhooks")}
                </TableCell>
              </TableRow>
            ) : null}
            {(endpoints.data ?? []).map((w) => (
              <TableRow key={w.id}>
                <TableCell className="max-w-80 truncate">
                  {w.url} {w.active ? null : <Badge variant="outline">{t("paused")}</Badge>}
                </TableCell>
                <TableCell>{w.events.map((e) => t(`event_${eventKey(e)}`)).join(common("listSeparator"))}</TableCell>
                <TableCell>
                  <code className="text-xs">{w.secret}</code>
                </TableCell>
                <TableCell className="text-right">
                  <Button size="sm" variant="outline" onClick={() => setRemoving({ id: w.id, url: w.url })}>
                    {t("delete")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <h3 className="pt-2 text-sm font-medium">{t("deliveries")}</h3>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("event")}</TableHead>
              <TableHead>{t("webhookUrl")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("responseCode")}</TableHead>
              <TableHead>{t("latency")}</TableHead>
              <TableHead>{t("attempts")}</TableHead>
              <TableHead>{t("createdAt")}</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {(deliveries.data ?? []).length === 0 ? (
              <TableRow>
                <TableCell colSpan={8} className="text-center text-muted-foreground">
                  {t("noDeliveries")}
                </TableCell>
              </TableRow>
            ) : null}
            {(deliveries.data ?? []).map((d) => (
              <TableRow key={d.id}>
                <TableCell>{t(`event_${eventKey(d.event)}`)}</TableCell>
                <TableCell className="max-w-60 truncate">{d.endpoint.url}</TableCell>
                <TableCell title={d.lastError ?? undefined}>
                  <Badge variant={d.status === "succeeded" ? "secondary" : d.status === "failed" ? "destructive" : "outline"}>{t(`delivery_${d.status}`)}</Badge>
                </TableCell>
                <TableCell>{d.lastStatusCode ?? "—"}</TableCell>
                <TableCell>{d.lastLatencyMs !== null ? `${d.lastLatencyMs} ms` : "—"}</TableCell>
                <TableCell>{d.attempts}</TableCell>
                <TableCell>{fmt(d.createdAt)}</TableCell>
                <TableCell className="text-right">
                  <Button size="sm" variant="outline" disabled={redeliver.isPending} onClick={() => redeliver.mutate({ id: d.id })}>
                    {t("redeliver")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title={t("deleteWebhookTitle")}
        body={removing?.url ?? ""}
        confirmLabel={t("delete")}
        destructive
        busy={remove.isPending}
        keepOpen
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
      />
    </Card>
  );
}
