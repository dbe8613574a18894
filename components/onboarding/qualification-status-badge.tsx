import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

type Status = "draft" | "pending" | "approved" | "rejected";

const KEYS = { draft: "statusDraft", pending: "statusPending", approved: "statusApproved", rejected: "statusRejected" } as const;
const STYLES: Record<Status, string> = {
  draft: "border-muted-foreground/30 text-muted-foreground",
  pending: "border-amber-300 bg-amber-50 text-amber-700",
  approved: "border-emerald-300 bg-emerald-50 text-emerald-700",
  rejected: "border-red-300 bg-red-50 text-red-700",
};

/** 待提交 / 审核中 / 已通过 / 已驳回, the same in the company's pages and the review console. */
export function QualificationStatusBadge({ status }: { status: Status }) {
  const t = useTranslations("onboarding");
  return (
    <Badge variant="outline" className={cn(STYLES[status])} data-testid="qualification-status">
      {t(KEYS[status])}
    </Badge>
  );
}
