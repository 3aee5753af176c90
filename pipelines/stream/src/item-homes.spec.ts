import { chooseHome } from './item-homes';

describe(chooseHome.name, () => {
  it('puts a new item in the Asia/Shanghai month of its publishedAt', () => {
    expect(chooseHome('2026-10-31T16:30:00Z', undefined)).toEqual({ index: 'liaowang-items-2026.11', strays: [] });
  });

  it('keeps a stored item where it is, whatever the publishedAt of the re-send', () => {
    expect(chooseHome('2026-10-31T16:30:00Z', ['liaowang-items-2026.10'])).toEqual({ index: 'liaowang-items-2026.10', strays: [] });
  });

  it('keeps the earliest of several copies and names the others for deletion', () => {
    expect(chooseHome('2026-12-01T00:00:00Z', ['liaowang-items-2026.11', 'liaowang-items-2026.10', 'liaowang-items-2026.11'])).toEqual({
      index: 'liaowang-items-2026.10',
      strays: ['liaowang-items-2026.11'],
    });
  });
});
