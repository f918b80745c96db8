// Prisma CLI configuration: used by `prisma generate` only. Migrations run through
// scripts/migrate.ts because the CLI's native schema engine cannot be downloaded here.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
