// Loads Prisma's schema engine from its Wasm build (@prisma/schema-engine-wasm).
// The package's entry imports the .wasm file as an ES module, which Node cannot do,
// so the bindings module is loaded directly and the .wasm instantiated by hand.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = Awaited<ReturnType<typeof bindings.SchemaEngine.new>>;

// Node's WebAssembly global, typed by hand: the project compiles without the DOM library.
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, Record<string, unknown>>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

let initialized: Promise<void> | undefined;

function initWasm(): Promise<void> {
  initialized ??= (async () => {
    // The package exports no ./package.json: locate the .wasm beside its bindings module.
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = fs.readFileSync(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const imports = { "./schema_engine_bg.js": bindings } as unknown as Record<string, Record<string, unknown>>;
    const { instance } = await (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly.instantiate(bytes, imports);
    bindings.__wbg_set_wasm(instance.exports as never);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return initialized;
}

export async function startSchemaEngine(
  schemaPath: string,
  schemaText: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void = () => {},
): Promise<SchemaEngine> {
  await initWasm();
  return bindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
