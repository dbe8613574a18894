"use client";

import { useTranslations } from "next-intl";
import { Languages, LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { logoutAction, setLocaleAction } from "@/server/actions/session";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

export function UserMenu({ name, roleName, locale }: { name: string; roleName: string | null; locale: string }) {
  const t = useTranslations("common");
  const word = useVocabulary();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="gap-2" data-testid="user-menu">
          <span className="flex size-7 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary" data-user-content>
            {name.slice(0, 1)}
          </span>
          <span className="text-sm" data-user-content>
            {name}
          </span>
          {roleName ? <span className="hidden text-xs text-muted-foreground sm:inline">{word(roleName)}</span> : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel className="flex items-center gap-2 text-xs text-muted-foreground">
          <Languages className="size-3.5" /> {t("language")}
        </DropdownMenuLabel>
        {/* Each language named in itself, marked with its language for screen readers. */}
        {[
          ["zh-CN", "简体中文"],
          ["en", "English"],
        ].map(([value, label]) => (
          <DropdownMenuItem key={value} lang={value} onSelect={() => void setLocaleAction(value!)} disabled={locale === value}>
            {label}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void logoutAction()} data-testid="logout">
          <LogOut className="size-4" /> {t("logout")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
