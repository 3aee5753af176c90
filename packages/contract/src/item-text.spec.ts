import { cleanText } from './item-text';

// The cleaning as first written: both replaces and NFC for every text.
const cleanedInFull = (text: string) =>
  text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .normalize('NFC');

describe(cleanText.name, () => {
  it('cleans every text as the full cleaning does, whether or not it skips the replaces', () => {
    const pieces = ['网传', 'abc', ' ', '\t', '\n', '\u0000', '\u0007', '\u000b', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u202a', '\u202e', '\u2066', '\u2069', '\u2070',
      '\ud800', '\udbff', '\udc00', '\udfff', '😀', 'e\u0301', '\u1100\u1161', 'Ａ', '\ufeff'];
    let state = 5;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let n = Math.floor(next() * 6); n >= 0; n--) text += pieces[Math.floor(next() * pieces.length)];
      expect({ text, cleaned: cleanText(text) }).toEqual({ text, cleaned: cleanedInFull(text) });
    }
  });
});
