// newsgraph serve: the GraphQL server, as `npm start` runs it. Its settings are environment
// variables (docs/operations.md), so the command takes no options of its own.
import { Command } from "commander";

export const serveCommand = () => new Command("serve")
  .description("serve GraphQL (as npm start; settings from the environment: PORT, DATABASE_URL, API_KEY …)")
  .action(async () => {
    // Loaded only for this command: the server's modules are not needed to extract or ingest.
    await import("../../src/main.js");
  });
