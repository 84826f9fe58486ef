// Dashboard sign-in (next-auth 4): email + password checked by lib/users, JWT sessions carried
// in an HttpOnly, SameSite=Lax cookie (Secure when the public URL is https). The token holds the
// user id and the operator flag; everything else is looked up per request.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verifyCredentials } from "@/lib/users";
import { sessionSecret } from "./session-secret";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  // next-auth hands authorize() the headers as a plain object, not a Headers instance.
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

export function authOptions(): NextAuthOptions {
  const settings = env();
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: settings.HOOKLINE_SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    useSecureCookies: settings.HOOKLINE_PUBLIC_URL.startsWith("https://"),
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          try {
            const user = await verifyCredentials({ email: credentials?.email ?? "", password: credentials?.password ?? "" }, clientAddress(request.headers));
            return { id: user.id, email: user.email, name: user.name, isOperator: user.isOperator };
          } catch (error) {
            // next-auth turns a thrown message into ?error=<message> for the sign-in page.
            if (error instanceof AppError && error.code === "rate_limited") throw new Error("rate_limited");
            if (error instanceof AppError || (error as { name?: string }).name === "ZodError") return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.op = (user as { isOperator?: boolean }).isOperator === true;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.uid as string, isOperator: token.op === true } };
      },
    },
  };
}
