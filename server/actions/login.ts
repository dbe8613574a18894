"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/server/auth";
import { prisma } from "@/server/db/client";
import { trustedProxyHops } from "@/server/env";
import { clientIp } from "@/server/http/client-ip";
import { signInLockedUntil } from "@/server/services/auth/attempt-sign-in";

export type LoginState = { error?: "invalid" | "required" | "locked"; retryAt?: string; retryInMinutes?: number };

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const account = String(form.get("account") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!account || !password) return { error: "required" };
  const next = String(form.get("next") ?? "/");
  try {
    await signIn("credentials", { account, password, redirectTo: next.startsWith("/") && !next.startsWith("//") ? next : "/" });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the redirect on success
    // Refused while locked, or this failure started a lock: say when to try again.
    const now = new Date();
    const retryAt = await signInLockedUntil(prisma, { account, ip: clientIp(await headers(), trustedProxyHops()) }, now);
    if (!retryAt) return { error: "invalid" };
    return { error: "locked", retryAt: retryAt.toISOString(), retryInMinutes: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000)) };
  }
  return {};
}
