// Reading settings from the environment, with errors that name the setting. Free of other
// imports, so the database layer and the command-line scripts can use it without loading
// the GraphQL schema that config.ts brings along.

export class SettingError extends Error {
  override name = "SettingError";
}

/** A whole-number setting above 0 from `env`, or `fallback` when unset; anything else is a SettingError naming it. */
export function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new SettingError(`${name} must be a whole number above 0, got "${raw}"`);
  return value;
}

/** A whole-number setting of 0 or more from `env`, or `fallback` when unset; anything else is a SettingError naming it. */
export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new SettingError(`${name} must be a whole number of 0 or more, got "${raw}"`);
  return value;
}
