/**
 * Signs in through Auth.js' credentials callback (CSRF token first, as the login form does) and returns the session
 * cookie, or "" when the sign-in was refused. `headers` are sent with the callback (e.g. a spoofed X-Forwarded-For).
 */
export async function signIn(base: string, account: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), ...headers },
    body: new URLSearchParams({ csrfToken, account, password, callbackUrl: `${base}/` }),
  });
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("session-token")) ?? "";
}
