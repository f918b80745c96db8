// The `newsgraph` command (bin/newsgraph.js runs its compiled form): one program whose
// subcommands are the same commands the npm scripts run, so their options are written once.
import { Command } from "commander";
import { extractCommand } from "./commands/extract.js";
import { ingestCommand } from "./commands/ingest.js";
import { migrateCommand } from "./commands/migrate.js";
import { serveCommand } from "./commands/serve.js";
import { workerCommand } from "./commands/worker.js";
import { runCli } from "./run-cli.js";

const program = new Command("newsgraph")
  .description("newsgraph: news articles in, a GraphQL graph of who said what out")
  .addCommand(serveCommand())
  .addCommand(ingestCommand())
  .addCommand(extractCommand())
  .addCommand(workerCommand())
  .addCommand(migrateCommand());

runCli(program);
