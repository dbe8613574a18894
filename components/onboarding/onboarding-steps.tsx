import { Check } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const STEPS = ["stepApplicant", "stepDocuments", "stepReview"] as const;

/** ① 填写申请信息 ② 上传资质材料 ③ 等待审核 */
export function OnboardingSteps({ current }: { current: 0 | 1 | 2 }) {
  const t = useTranslations("onboarding");
  return (
    <ol className="flex items-center gap-2 text-sm" aria-label={t("formTitle")}>
      {STEPS.map((key, i) => (
        <li key={key} className="flex items-center gap-2" aria-current={i === current ? "step" : undefined}>
          {i > 0 && <span className={cn("h-px w-8 bg-border sm:w-16", i <= current && "bg-primary")} aria-hidden />}
          <span
            className={cn(
              "flex size-6 items-center justify-center rounded-full border text-xs",
              i < current && "border-primary bg-primary text-primary-foreground",
              i === current && "border-primary text-primary",
              i > current && "text-muted-foreground",
            )}
          >
            {i < current ? <Check className="size-3.5" /> : i + 1}
          </span>
          <span className={cn(i === current ? "font-medium" : "text-muted-foreground")}>{t(key)}</span>
        </li>
      ))}
    </ol>
  );
}
