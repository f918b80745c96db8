// The architecture, as rules that `npm run lint:deps` checks (and CI runs). Each layer imports
// only the layers below it; docs/architecture.md says the same in prose.
//
//   entry points   src/main.ts, src/config.ts, scripts/, bench/   start things; import anything
//   server         src/server/         HTTP, WebSocket, limits, auth, metrics
//   resolvers      src/resolvers/, src/schema.ts, src/schema-file.ts
//                                      the GraphQL schema: arguments in, objects out
//   ingest         src/ingest/         raw articles in: reading, extraction, writing
//   db             src/db/             the data-access layer: every SQL statement, connections,
//                                      migrations; the only importer of the generated client
//   models         src/models/         the GraphQL object types, plain classes
//   shared         src/*.ts (the rest) small utilities with no project imports
//                                      (error codes, events, settings, text rules, urls)
//   generated      src/generated/      the Prisma client (`npm run generate`), for src/db only
//
// Resolvers call ingest (the ingest mutation) and db; ingest writes through db; db turns rows
// into models (db/objects.ts), so resolvers get objects, never rows.

const TOP_FILES = "^src/(main|config)\\.ts$";
const RESOLVER_FILES = "^src/(resolvers/|schema\\.ts$|schema-file\\.ts$)";
const SHARED_FILES = "^src/(?!main\\.ts$|config\\.ts$|schema\\.ts$|schema-file\\.ts$)[^/]+\\.ts$";

/**
 * Imports that break a layer rule for now, each with the reason. Every one names the single
 * import it allows; anything else between the same layers still fails.
 */
const EXCEPTIONS = [
  {
    from: "^src/db/person-edits\\.ts$",
    to: "^src/ingest/normalize\\.ts$",
    why: "normalizeName is the key the ingest stores names under; it moves to a shared text module once the branch that changes ingest/normalize.ts has landed.",
  },
  {
    from: "^src/ingest/(store|store-batch|store-gender|store-organizations|pipeline|queue)\\.ts$",
    to: "^src/generated/",
    why: "the ingest's writes and job queue still use the Prisma client directly; issue 18 item 2 moves the store into src/db.",
  },
];

/** A forbidden rule, split so that it spares exactly the listed exceptions. */
function layerRule({ name, comment, from, to }) {
  const literal = (pattern) => pattern.replace(/^\^|\\|\$$/g, "");
  const applying = EXCEPTIONS.filter((e) => new RegExp(from).test(literal(e.from)) && new RegExp(to).test(literal(e.to)));
  const excused = applying.map((e) => e.from);
  const rules = [{ name, comment, severity: "error", from: { path: from, pathNot: excused }, to: { path: to } }];
  for (const e of applying) {
    rules.push({ name, comment: `${comment} (Exception: ${e.why})`, severity: "error", from: { path: e.from }, to: { path: to, pathNot: e.to } });
  }
  return rules;
}

module.exports = {
  forbidden: [
    ...layerRule({
      name: "db-looks-down",
      comment: "The data-access layer serves everyone above it and knows none of them: it may use models and shared utilities only.",
      from: "^src/db/",
      to: `^src/(server|resolvers|ingest)/|${TOP_FILES}|${RESOLVER_FILES}`,
    }),
    ...layerRule({
      name: "models-are-plain",
      comment: "Model classes are the GraphQL object types: they hold data, not rows, loaders or SQL.",
      from: "^src/models/",
      to: `^src/(server|resolvers|ingest|db|generated)/|${TOP_FILES}|${RESOLVER_FILES}`,
    }),
    ...layerRule({
      name: "ingest-below-the-api",
      comment: "The ingest runs from the CLI, the worker and the ingest mutation alike: it must not depend on the API above it.",
      from: "^src/ingest/",
      to: `^src/(server|resolvers|models)/|${TOP_FILES}|${RESOLVER_FILES}`,
    }),
    ...layerRule({
      name: "resolvers-below-the-server",
      comment: "Resolvers see a request only as its Context (resolvers/context.ts); HTTP concerns stay in src/server.",
      from: RESOLVER_FILES,
      to: `^src/server/|${TOP_FILES}`,
    }),
    ...layerRule({
      name: "server-below-the-entry-points",
      comment: "The server is started by main.ts with settings from config.ts; it does not read them itself.",
      from: "^src/server/",
      to: TOP_FILES,
    }),
    ...layerRule({
      name: "shared-imports-no-layer",
      comment: "Shared utilities sit under every layer, so they import none.",
      from: SHARED_FILES,
      to: `^src/(server|resolvers|ingest|db|models|generated)/|${TOP_FILES}|${RESOLVER_FILES}`,
    }),
    ...layerRule({
      name: "generated-client-only-in-db",
      comment: "Only the data-access layer talks to the Prisma client; other layers name row types through db/rows.ts.",
      from: "^src/(?!db/|generated/)",
      to: "^src/generated/",
    }),
    {
      name: "src-stands-alone",
      comment: "The server and the ingest are shipped without scripts/, bench/ and tests/.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(scripts|bench|tests)/" },
    },
    {
      name: "no-cycles",
      comment:
        "Import cycles make load order matter. Spared: the model classes, which name each other in type-graphql field thunks (() => Person), and the generated client.",
      severity: "error",
      from: { pathNot: "^src/(models|generated)/" },
      to: { circular: true },
    },
    {
      name: "src-resolves",
      comment: "An import that resolves to nothing fails at run time.",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
    {
      name: "no-dev-dependencies-in-src",
      comment: "npm ci --omit=dev must still give a working server: src/ imports dependencies only.",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], pathNot: "node_modules/@types/" },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc reads the
    // sources as they are, type-only imports included.
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/server/playground-assets/" },
    // Resolve packages as Node and TypeScript do: "exports" maps, and types-only packages.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "types", "default"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
