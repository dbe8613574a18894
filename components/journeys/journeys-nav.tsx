"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** 旅程 | 人群 — the two lists of 自动旅程. */
export function JourneysNav() {
  const t = useTranslations("journeys");
  const pathname = usePathname();
  const items = [
    { href: "/journeys", label: t("tabJourneys"), active: pathname === "/journeys" },
    { href: "/journeys/segments", label: t("tabSegments"), active: pathname.startsWith("/journeys/segments") },
  ];
  return (
    <nav className="flex gap-1 border-b" aria-label={t("title")}>
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href}
          className={cn(
            "-mb-px border-b-2 px-4 py-2 text-sm",
            i.active ? "border-primary font-medium text-primary" : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
