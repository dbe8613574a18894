import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "./locales";
import { loadMessages } from "./load-messages";

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get("locale")?.value;
  const locale = isLocale(cookie) ? cookie : defaultLocale;
  return { locale, timeZone: "Asia/Shanghai", messages: await loadMessages(locale) };
});
