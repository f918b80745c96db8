// Runs a commander program so that expected failures print one line, not a stack trace.
import type { Command } from "commander";

export function runCli(program: Command): void {
  program.parseAsync(process.argv).catch((error: Error) => {
    console.error(`error: ${error.message.split("\n")[0]}`);
    if (process.env.DEBUG) console.error(error.stack);
    process.exit(1);
  });
}
