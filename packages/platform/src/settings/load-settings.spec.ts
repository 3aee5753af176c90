import { loadSettings, SettingsError } from './load-settings';
import { settingsDocs, settingsShape } from './settings.schema';

const secret = 'x'.repeat(32);

describe(loadSettings.name, () => {
  it('applies defaults', () => {
    const s = loadSettings({ AUTH_TOKEN_SECRET: secret });
    expect(s.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(s.API_PORT).toBe(3000);
    expect(s.INTAKE_API_KEYS).toEqual([]);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadSettings({ AUTH_TOKEN_SECRET: 'short', API_PORT: '99999', KAFKA_BROKERS: 'nohost' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const text = (error as SettingsError).message;
    expect(text).toContain('AUTH_TOKEN_SECRET');
    expect(text).toContain('API_PORT');
    expect(text).toContain('KAFKA_BROKERS');
  });

  it('treats empty values as unset', () => {
    expect(loadSettings({ AUTH_TOKEN_SECRET: secret, API_PORT: '' }).API_PORT).toBe(3000);
  });

  it('keeps feeds off private addresses unless told otherwise, and takes only true or false', () => {
    expect(loadSettings({ AUTH_TOKEN_SECRET: secret }).FEEDS_ALLOW_PRIVATE_ADDRESSES).toBe(false);
    expect(loadSettings({ AUTH_TOKEN_SECRET: secret, FEEDS_ALLOW_PRIVATE_ADDRESSES: 'true' }).FEEDS_ALLOW_PRIVATE_ADDRESSES).toBe(true);
    expect(() => loadSettings({ AUTH_TOKEN_SECRET: secret, FEEDS_ALLOW_PRIVATE_ADDRESSES: 'yes' })).toThrow(/FEEDS_ALLOW_PRIVATE_ADDRESSES: expected true or false/);
  });

  it('documents every setting', () => {
    expect(Object.keys(settingsDocs).sort()).toEqual(Object.keys(settingsShape).sort());
  });
});
