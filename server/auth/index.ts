import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { devSecretsAllowed, env, trustedProxyHops } from "@/server/env";
import { prisma } from "@/server/db/client";
import { clientIp } from "@/server/http/client-ip";
import { attemptSignIn } from "@/server/services/auth/attempt-sign-in";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      name: string;
      companyId: string | null;
      roleKey: string | null;
      clinicIds: string[];
      isPlatformAdmin: boolean;
      /** The user's session version when the token was issued (server/services/auth/revoke-sessions.ts). */
      sessionVersion: number;
    };
  }
  interface User {
    companyId: string | null;
    roleKey: string | null;
    clinicIds: string[];
    isPlatformAdmin: boolean;
    sessionVersion: number;
  }
}

const credentialsSchema = z.object({
  account: z.string().trim().min(1),
  password: z.string().min(1),
});

class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
}

const DEV_SECRET = "dev-only-secret-set-AUTH_SECRET-in-production";

/** The secret session tokens are encrypted with (also read by session-identity.ts, which decodes them itself). */
export const authSecret = env.AUTH_SECRET ?? (devSecretsAllowed() ? DEV_SECRET : undefined);

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { account: { label: "手机号或邮箱" }, password: { label: "密码", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        // Throttled per account and per IP (server/domain/auth/login-throttle.ts); the login form explains a lock.
        const result = await attemptSignIn(prisma, { ...parsed.data, ip: clientIp(request.headers, trustedProxyHops()) }, new Date());
        if (!result.ok) throw new InvalidLogin();
        return result.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.companyId = user.companyId;
        token.roleKey = user.roleKey;
        token.clinicIds = user.clinicIds;
        token.isPlatformAdmin = user.isPlatformAdmin;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub!,
        name: (token.name as string) ?? "",
        companyId: (token.companyId as string | null) ?? null,
        roleKey: (token.roleKey as string | null) ?? null,
        clinicIds: (token.clinicIds as string[]) ?? [],
        isPlatformAdmin: Boolean(token.isPlatformAdmin),
        // Tokens issued before session versions existed count as version 0.
        sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : 0,
      };
      return session;
    },
  },
});
