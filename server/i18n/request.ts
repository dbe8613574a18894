import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "./locales";
import { loadMessages } from "./load-messages";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get("locale")?.value;
  const locale = isLocale(cookie) ? cookie : defaultLocale;
  return { locale, timeZone: DEFAULT_TIME_ZONE, messages: await loadMessages(locale) };
});
