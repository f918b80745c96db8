// npm run db:migrate / db:migration / db:drift: the same command as `newsgraph migrate` (scripts/commands/migrate.ts).
import { migrateCommand } from "./commands/migrate.js";
import { runCli } from "./run-cli.js";

runCli(migrateCommand());
