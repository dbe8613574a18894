"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/server/auth";

export type LoginState = { error?: "invalid" | "required" };

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const account = String(form.get("account") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!account || !password) return { error: "required" };
  const next = String(form.get("next") ?? "/");
  try {
    await signIn("credentials", { account, password, redirectTo: next.startsWith("/") && !next.startsWith("//") ? next : "/" });
  } catch (error) {
    if (error instanceof AuthError) return { error: "invalid" };
    throw error; // the redirect on success
  }
  return {};
}
