// Runs a commander program so that expected failures print one line, not a stack trace, and
// a reader that stops reading (`newsgraph extract FILE | head -1`) ends the run quietly.
import type { Command } from "commander";

export function runCli(program: Command): void {
  // The reader has what it wanted: exit 0 at once, as a shell pipeline expects, instead of
  // dying with an unhandled `write EPIPE` or working on for a reader that is gone.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  program.parseAsync(process.argv).catch((error: Error) => {
    console.error(`error: ${error.message.split("\n")[0]}`);
    if (process.env.DEBUG) console.error(error.stack);
    process.exit(1);
  });
}
