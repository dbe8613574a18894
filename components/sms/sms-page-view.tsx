"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { SmsQuotaView } from "./sms-quota-view";
import { SmsTemplateTable } from "./sms-template-table";

/** 【营销】-【短信管理】: 短信模板管理 and 短信余量, with the way to 短信发送记录. */
export function SmsPageView() {
  const t = useTranslations("sms");
  return (
    <Tabs defaultValue="templates">
      <div className="flex items-center justify-between gap-2">
        <TabsList>
          <TabsTrigger value="templates">{t("tabTemplates")}</TabsTrigger>
          <TabsTrigger value="quota">{t("tabQuota")}</TabsTrigger>
        </TabsList>
        <Button variant="outline" size="sm" asChild>
          <Link href="/marketing/sms-records" data-testid="to-sms-records">
            {t("toRecords")}
          </Link>
        </Button>
      </div>
      <TabsContent value="templates">
        <SmsTemplateTable />
      </TabsContent>
      <TabsContent value="quota">
        <SmsQuotaView />
      </TabsContent>
    </Tabs>
  );
}
