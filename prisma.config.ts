// Prisma 7 reads its connection settings here, not from schema.prisma. Only `prisma generate`
// runs on every machine (postinstall); migrations are applied by server/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/hookline" },
});
