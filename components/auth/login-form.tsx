"use client";

import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { loginAction, type LoginState } from "@/server/actions/login";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

export interface DemoAccount {
  label: string;
  account: string;
}

export function LoginForm({ next, demoAccounts, demoPassword }: { next: string; demoAccounts: DemoAccount[]; demoPassword: string }) {
  const t = useTranslations("login");
  const word = useVocabulary();
  const format = useFormatter();
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  const [account, setAccount] = useState("");
  const [password, setPassword] = useState("");

  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="next" value={next} />
        <div className="space-y-2">
          <Label htmlFor="account">{t("account")}</Label>
          <Input id="account" name="account" autoComplete="username" value={account} onChange={(e) => setAccount(e.target.value)} autoFocus />
        </div>
        <div className="space-y-2">
          <Label htmlFor="password">{t("password")}</Label>
          <Input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {state.error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>
              {state.error === "locked" && state.retryAt
                ? t("locked", {
                    time: format.dateTime(new Date(state.retryAt), { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
                    minutes: state.retryInMinutes ?? 1,
                  })
                : t(state.error)}
            </AlertDescription>
          </Alert>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {demoAccounts.length > 0 ? (
        <div className="rounded-lg border border-dashed p-4 text-sm" data-testid="demo-accounts">
          <div className="mb-2 font-medium">{t("demoAccounts")}</div>
          <p className="mb-3 text-xs text-muted-foreground">{t("demoPassword", { password: demoPassword })}</p>
          <ul className="space-y-1.5">
            {demoAccounts.map((a) => (
              <li key={a.account} className="flex items-center justify-between gap-2">
                <span>
                  {word(a.label)} <span className="font-mono text-xs text-muted-foreground">{a.account}</span>
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  onClick={() => {
                    setAccount(a.account);
                    setPassword(demoPassword);
                  }}
                >
                  {t("useAccount")}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
