// graphql-codegen config for frontend teams: typed documents for the example operations,
// generated from the committed schema.graphql (no running server needed).
// Run: npm run codegen   (writes examples/generated/)
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/operations/*.graphql"],
  // Relative imports with ".js", so the generated files compile under moduleResolution
  // NodeNext as well as Bundler.
  importExtension: ".js",
  generates: {
    "examples/generated/": {
      preset: "client",
      config: {
        scalars: { DateTime: "string", URL: "string" },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
