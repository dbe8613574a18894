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

const fmt = (d: string | Date | null) => (d ? new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

/** 开放接口 → API 密钥: create (the key is shown once), list with last use, revoke. */
export function ApiKeysCard() {
  const t = useTranslations("integrations");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.integrations.apiKeys.queryOptions());
  const [name, setName] = useState("");
  const [write, setWrite] = useState(true);
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.integrations.apiKeys.queryKey() });
  const create = useMutation(
    trpc.integrations.createApiKey.mutationOptions({
      onSuccess: (r) => {
        setCreated(r.key);
        setName("");
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const revoke = useMutation(
    trpc.integrations.revokeApiKey.mutationOptions({
      onSuccess: () => {
        setRevoking(null);
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("apiKeys")}</CardTitle>
        <p className="text-sm text-muted-foreground">
          {t("apiKeysHint")}{" "}
          <a className="text-primary underline" href="/api/v1/docs" target="_blank" rel="noreferrer">
            {t("reference")}
          </a>
        </p>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <Input className="w-60" placeholder={t("keyName")} aria-label={t("keyName")} value={name} onChange={(e) => setName(e.target.value)} />
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={write} onCheckedChange={(v) => setWrite(v === true)} aria-label={t("scopeWrite")} />
            {t("scopeWrite")}
          </label>
          <Button disabled={!name.trim() || create.isPending} onClick={() => create.mutate({ name, scopes: write ? ["read", "write"] : ["read"] })}>
            {t("createKey")}
          </Button>
        </div>
        {created ? (
          <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="api-key-created">
            <p>{t("shownOnce")}</p>
            <code className="block break-all rounded bg-white p-2">{created}</code>
            <div className="flex gap-2">
              <Button size="sm" variant="outline" onClick={() => void navigator.clipboard?.writeText(created).then(() => toast.success(t("copied")))}>
                {t("copy")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
                {t("hide")}
              </Button>
            </div>
          </div>
        ) : null}
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("keyName")}</TableHead>
              <TableHead>{t("prefix")}</TableHead>
              <TableHead>{t("scopes")}</TableHead>
              <TableHead>{t("createdAt")}</TableHead>
              <TableHead>{t("lastUsedAt")}</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {(keys.data ?? []).length === 0 ? (
              <TableRow>
                <TableCell colSpan={6} className="text-center text-muted-foreground">
                  {t("noKeys")}
                </TableCell>
              </TableRow>
            ) : null}
            {(keys.data ?? []).map((k) => (
              <TableRow key={k.id}>
                <TableCell>{k.name}</TableCell>
                <TableCell>
                  <code>zwk_{k.prefix}_…</code>
                </TableCell>
                <TableCell>{k.scopes.map((s) => t(`scope_${s}`)).join(" / ")}</TableCell>
                <TableCell>{fmt(k.createdAt)}</TableCell>
                <TableCell>{fmt(k.lastUsedAt)}</TableCell>
                <TableCell className="text-right">
                  {k.revokedAt ? (
                    <Badge variant="secondary">{t("revoked")}</Badge>
                  ) : (
                    <Button size="sm" variant="outline" onClick={() => setRevoking({ id: k.id, name: k.name })}>
                      {t("revoke")}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(o) => !o && setRevoking(null)}
        title={t("revokeTitle", { name: revoking?.name ?? "" })}
        body={t("revokeBody")}
        confirmLabel={t("revoke")}
        destructive
        busy={revoke.isPending}
        keepOpen
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      />
    </Card>
  );
}
