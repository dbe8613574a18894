"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** 【智能外呼】's pages: 外呼管理, 实时监控, 话术管理, 外呼批次 and AI 通话功能. */
export function OutboundTabs() {
  const t = useTranslations("scripts");
  const pathname = usePathname();
  const tabs = [
    { href: "/management/outbound", label: t("tabManage"), active: pathname === "/management/outbound" },
    { href: "/management/outbound/monitor", label: t("tabMonitor"), active: pathname.startsWith("/management/outbound/monitor") },
    { href: "/management/outbound/scripts", label: t("tabScripts"), active: pathname.startsWith("/management/outbound/scripts") },
    { href: "/management/outbound/batches", label: t("tabBatches"), active: pathname.startsWith("/management/outbound/batches") },
    { href: "/management/outbound/call-features", label: t("tabCallFeatures"), active: pathname.startsWith("/management/outbound/call-features") },
  ];
  return (
    <nav className="flex gap-1 border-b" aria-label={t("tabScripts")}>
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.active ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm transition-colors",
            tab.active ? "border-primary font-medium text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
