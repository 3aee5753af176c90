// R-ALR-2: a sound for each new alert, switchable and remembered per browser (a preference,
// not a credential). Synthesised with Web Audio so no sound file has to be shipped or cached.
const STORAGE_KEY = 'liaowang.alerts.sound';

/** Dispatched on window each time the console sounds an alert (the browser test listens). */
export const ALERT_SOUND_EVENT = 'liaowang:alert-sound';

export function readSoundEnabled(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== 'off';
}

export function storeSoundEnabled(enabled: boolean): void {
  localStorage.setItem(STORAGE_KEY, enabled ? 'on' : 'off');
}

let context: AudioContext | undefined;

/** Two short tones, higher for high and critical alerts. Silent where the browser blocks audio. */
export function playAlertSound(severity: string, alertId: string): void {
  window.dispatchEvent(new CustomEvent(ALERT_SOUND_EVENT, { detail: { alertId, severity } }));
  try {
    context ??= new AudioContext();
    const urgent = severity === 'high' || severity === 'critical';
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, urgent ? 880 : 660], [0.18, urgent ? 1175 : 880]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.16);
    }
  } catch {
    // No audio device or autoplay refused: the title count and the inbox still show it.
  }
}
