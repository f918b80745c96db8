// npm run extract -- …: the same command as `newsgraph extract` (scripts/commands/extract.ts).
import { extractCommand } from "./commands/extract.js";
import { runCli } from "./run-cli.js";

runCli(extractCommand());
