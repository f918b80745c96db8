// npm run worker -- …: the same command as `newsgraph worker` (scripts/commands/worker.ts).
import { workerCommand } from "./commands/worker.js";
import { runCli } from "./run-cli.js";

runCli(workerCommand());
