"use server";

import { cookies } from "next/headers";
import { auth, signOut } from "@/server/auth";
import { prisma } from "@/server/db/client";
import { revokeSessions } from "@/server/services/auth/revoke-sessions";
import { isLocale } from "@/server/i18n/locales";
import { revalidatePath } from "next/cache";

/** Ends the session for good: a copy of the cookie stops working too (every session of the user, on every device). */
export async function logoutAction() {
  const session = await auth();
  if (session?.user?.id) await revokeSessions(prisma, session.user.id);
  await signOut({ redirectTo: "/login" });
}

export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set("locale", locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
}
