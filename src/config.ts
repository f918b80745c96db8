// Every setting, read once from the environment. README.md's settings table mirrors this.
export interface Settings {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  loadSampleData: boolean;
  logLevel: string;
  production: boolean;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return !/^(0|false|no|off)$/i.test(value.trim());
}

export class SettingError extends Error {
  override name = "SettingError";
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SettingError(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL,
    loadSampleData: flag(env.SAMPLE_DATA, true),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
    production: env.NODE_ENV === "production",
  };
}
