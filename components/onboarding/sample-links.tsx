import Link from "next/link";
import { ExternalLink, FileImage } from "lucide-react";
import { useTranslations } from "next-intl";
import { QUALIFICATION_SAMPLES_URL } from "@/server/domain/qualification/document-kinds";

/** 「查看材料示例」: the local sample page, and the product's online sample document. */
export function SampleLinks() {
  const t = useTranslations("onboarding");
  return (
    <span className="inline-flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <Link href="/management/outbound/samples" className="inline-flex items-center gap-1 text-primary hover:underline" data-testid="samples-link">
        <FileImage className="size-4" />
        {t("viewSamples")}
      </Link>
      <a
        href={QUALIFICATION_SAMPLES_URL}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-flex items-center gap-1 text-muted-foreground hover:text-primary hover:underline"
      >
        {t("viewSamplesOnline")}
        <ExternalLink className="size-3.5" />
      </a>
    </span>
  );
}
