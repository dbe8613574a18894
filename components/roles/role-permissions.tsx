"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/components/trpc/client";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

/** next-intl reads dots as nesting, so permission keys are stored with underscores in the messages. */
const permissionMessageKey = (p: string) => p.replaceAll(".", "_");

export function RolePermissions({ groups }: { groups: { key: "groupOutbound" | "groupBase"; permissions: string[] }[] }) {
  const t = useTranslations("roles");
  const tp = useTranslations("permissions");
  const word = useVocabulary();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = useQuery(trpc.roles.list.queryOptions());
  const [roleId, setRoleId] = useState<string | null>(null);
  const current = roles.data?.find((r) => r.id === roleId) ?? roles.data?.[0];

  const setPermission = useMutation(
    trpc.roles.setPermission.mutationOptions({
      onSuccess: async (res) => {
        await queryClient.invalidateQueries({ queryKey: trpc.roles.list.queryKey() });
        toast.success(t(res.granted ? "granted" : "revoked", { permission: tp(permissionMessageKey(res.permission)) }));
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  if (roles.isPending) return <Skeleton className="h-64 w-full" />;

  return (
    <div className="grid gap-4 md:grid-cols-[220px_1fr]">
      <Card className="py-2">
        <CardContent className="space-y-1 px-2">
          {roles.data?.map((r) => (
            <button
              key={r.id}
              type="button"
              onClick={() => setRoleId(r.id)}
              className={cn(
                "flex w-full items-center justify-between rounded-md px-3 py-2 text-left text-sm hover:bg-accent",
                current?.id === r.id && "bg-accent font-medium",
              )}
              data-testid={`role-${r.key}`}
            >
              <span data-user-content={r.isSystem ? undefined : ""}>{r.isSystem ? word(r.name) : r.name}</span>
              <span className="text-xs text-muted-foreground">{t("users", { count: r.userCount })}</span>
            </button>
          ))}
        </CardContent>
      </Card>
      {current ? (
        <div className="space-y-4">
          {groups.map((g) => (
            <Card key={g.key}>
              <CardHeader>
                <CardTitle className="flex items-center gap-2 text-base">
                  {t(g.key)}
                  {current.isSystem && <Badge variant="outline">{t("system")}</Badge>}
                </CardTitle>
              </CardHeader>
              <CardContent className="grid gap-3 sm:grid-cols-2">
                {g.permissions.map((p) => {
                  const on = current.permissions.includes(p);
                  const id = `perm-${current.id}-${p}`;
                  return (
                    <label key={p} htmlFor={id} className="flex items-center justify-between gap-3 rounded-md border px-3 py-2">
                      <span className="text-sm">{tp(permissionMessageKey(p))}</span>
                      <Switch
                        id={id}
                        checked={on}
                        disabled={setPermission.isPending}
                        data-testid={`perm-${p}`}
                        onCheckedChange={(granted) => setPermission.mutate({ roleId: current.id, permission: p, granted })}
                      />
                    </label>
                  );
                })}
              </CardContent>
            </Card>
          ))}
        </div>
      ) : null}
    </div>
  );
}
