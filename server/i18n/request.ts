import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "./locales";

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get("locale")?.value;
  const locale = isLocale(cookie) ? cookie : defaultLocale;
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
