import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

/** 回随访记录 and 任务中心-执行回/随访 as two routes under one heading. */
export async function FollowUpTabs({ active }: { active: "records" | "tasks" | "requests" }) {
  const t = await getTranslations("followUps");
  const tabs = [
    { key: "records", href: "/follow-ups", label: t("tabRecords") },
    { key: "tasks", href: "/follow-ups/tasks", label: t("tabTasks") },
    { key: "requests", href: "/follow-ups/requests", label: t("tabRequests") },
  ] as const;
  return (
    <nav className="inline-flex rounded-lg bg-muted p-1 text-sm" aria-label={t("title")}>
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === active ? "page" : undefined}
          className={cn("rounded-md px-3 py-1.5", tab.key === active ? "bg-background font-medium shadow-sm" : "text-muted-foreground hover:text-foreground")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
