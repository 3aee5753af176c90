import { alertsPerThousand, countPreviewAlerts } from './preview-alert-count';

// 2026-12-01 10:00 in Asia/Shanghai, plus minutes.
const at = (minutes: number) => new Date(Date.parse('2026-12-01T02:00:00Z') + minutes * 60_000);

describe(countPreviewAlerts.name, () => {
  it('groups matches within the repeat interval of the previous match into one alert', () => {
    expect(countPreviewAlerts([at(0), at(10), at(29), at(58)], { repeatMinutes: 30 })).toBe(1);
    expect(countPreviewAlerts([at(0), at(30), at(61)], { repeatMinutes: 30 })).toBe(3);
  });

  it('sorts the matches first (the scan reads newest first)', () => {
    expect(countPreviewAlerts([at(58), at(0), at(29)], { repeatMinutes: 30 })).toBe(1);
  });

  it('raises one alert per match with no repeat interval', () => {
    expect(countPreviewAlerts([at(0), at(0), at(1)], { repeatMinutes: 0 })).toBe(3);
  });

  it('raises nothing in quiet hours, and a quiet match does not extend a group', () => {
    const quietHours = { from: '10:20', to: '10:40' };
    // 10:00 raises; 10:25 is quiet; 10:45 is more than 30 min after 10:00 → a new alert.
    expect(countPreviewAlerts([at(0), at(25), at(45)], { repeatMinutes: 30, quietHours })).toBe(2);
    expect(countPreviewAlerts([at(21), at(39)], { repeatMinutes: 30, quietHours })).toBe(0);
  });

  it('counts nothing from no matches', () => {
    expect(countPreviewAlerts([], { repeatMinutes: 30 })).toBe(0);
  });
});

describe(alertsPerThousand.name, () => {
  it('scales to 1,000 items, to one decimal', () => {
    expect(alertsPerThousand(3, 2_000)).toBe(1.5);
    expect(alertsPerThousand(1, 3_000)).toBe(0.3);
    expect(alertsPerThousand(0, 0)).toBe(0);
  });
});
