"use server";

import { cookies } from "next/headers";
import { signOut } from "@/server/auth";
import { isLocale } from "@/server/i18n/locales";
import { revalidatePath } from "next/cache";

export async function logoutAction() {
  await signOut({ redirectTo: "/login" });
}

export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set("locale", locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
}
