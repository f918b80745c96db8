// npm run ingest -- …: the same command as `newsgraph ingest` (scripts/commands/ingest.ts).
import { ingestCommand } from "./commands/ingest.js";
import { runCli } from "./run-cli.js";

runCli(ingestCommand());
