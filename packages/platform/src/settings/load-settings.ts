import { settingsSchema, type Settings } from './settings.schema';

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid settings:\n  ${problems.join('\n  ')}`);
    this.name = 'SettingsError';
  }
}

/** Reads and validates the settings from an environment; throws one error listing every bad value. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  // Empty strings mean "unset", so `FOO=` in an env file falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = settingsSchema.safeParse(present);
  if (!result.success) {
    throw new SettingsError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}
