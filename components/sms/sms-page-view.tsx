"use client";

import { useTranslations } from "next-intl";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { SmsQuotaView } from "./sms-quota-view";
import { SmsTemplateTable } from "./sms-template-table";

/** 【营销】-【短信管理】: 短信模板管理 and 短信余量. */
export function SmsPageView() {
  const t = useTranslations("sms");
  return (
    <Tabs defaultValue="templates">
      <TabsList>
        <TabsTrigger value="templates">{t("tabTemplates")}</TabsTrigger>
        <TabsTrigger value="quota">{t("tabQuota")}</TabsTrigger>
      </TabsList>
      <TabsContent value="templates">
        <SmsTemplateTable />
      </TabsContent>
      <TabsContent value="quota">
        <SmsQuotaView />
      </TabsContent>
    </Tabs>
  );
}
