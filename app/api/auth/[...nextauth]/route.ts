// /api/auth/* – next-auth: sign-in with email and password, sign-out, session
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
