"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  Building2,
  CalendarClock,
  ClipboardList,
  Home,
  Megaphone,
  PhoneCall,
  ShieldCheck,
  Users,
  Workflow,
} from "lucide-react";
import { cn } from "@/lib/utils";
import type { NavGroup } from "./nav-items";

const ICONS = {
  home: Home,
  patients: Users,
  marketing: Megaphone,
  journeys: Workflow,
  management: Building2,
  records: PhoneCall,
  followUps: CalendarClock,
  platform: ShieldCheck,
} satisfies Record<NavGroup["icon"], unknown>;

export function AppSidebar({ nav }: { nav: NavGroup[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

  return (
    <nav aria-label={t("mainNav")} className="flex flex-col gap-1 p-3 text-sm">
      {nav.map((group) => {
        const Icon = ICONS[group.icon] ?? ClipboardList;
        if (group.href) {
          return (
            <Link
              key={group.key}
              href={group.href}
              className={cn(
                "flex items-center gap-2 rounded-md px-3 py-2 font-medium text-sidebar-foreground/80 hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
                active(group.href) && "bg-sidebar-accent text-sidebar-accent-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {t(group.key)}
            </Link>
          );
        }
        return (
          <div key={group.key} className="mt-2">
            <div className="flex items-center gap-2 px-3 py-1.5 text-xs font-semibold tracking-wide text-muted-foreground">
              <Icon className="size-4" aria-hidden />
              {t(group.key)}
            </div>
            {group.sections?.map((section, i) => (
              <div key={section.key ?? i} className="ml-4 border-l pl-2">
                {section.key ? <div className="px-3 pt-1 text-xs text-muted-foreground">{t(section.key)}</div> : null}
                {section.links.map((link) => (
                  <Link
                    key={link.href}
                    href={link.href}
                    className={cn(
                      "block rounded-md px-3 py-1.5 text-sidebar-foreground/80 hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
                      active(link.href) && "bg-sidebar-accent font-medium text-sidebar-accent-foreground",
                    )}
                  >
                    {t(link.key)}
                  </Link>
                ))}
              </div>
            ))}
          </div>
        );
      })}
    </nav>
  );
}
