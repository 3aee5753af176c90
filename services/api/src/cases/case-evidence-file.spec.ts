import { checkEvidenceFile } from './case-evidence-file';

const b64 = (bytes: Buffer | number[]) => Buffer.from(bytes).toString('base64');
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];

describe('evidence files sent as base64 (POST /api/v1/cases/{id}/evidence)', () => {
  it('takes bytes that are their declared type, with their SHA-256', () => {
    expect(checkEvidenceFile(b64(png), 'image/png')).toMatchObject({
      ok: true,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(checkEvidenceFile(b64(Buffer.from('%PDF-1.7\n')), 'application/pdf')).toMatchObject({ ok: true });
    expect(checkEvidenceFile(b64(Buffer.from('说明文字\n', 'utf8')), 'text/plain')).toMatchObject({ ok: true });
  });

  it('refuses bytes of another type, an empty file and one over the limit, naming the rule', () => {
    expect(checkEvidenceFile(b64(png), 'image/jpeg')).toMatchObject({ ok: false, rule: 'file-type-mismatch' });
    expect(checkEvidenceFile(b64(Buffer.from('plain')), 'image/png')).toMatchObject({
      ok: false,
      rule: 'file-type-mismatch',
    });
    expect(checkEvidenceFile(b64([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'text/plain')).toMatchObject({
      ok: false,
      rule: 'file-type-mismatch',
    });
    expect(checkEvidenceFile('', 'text/plain')).toMatchObject({ ok: false, rule: 'file-empty' });
    expect(
      checkEvidenceFile(b64(Buffer.concat([Buffer.from(png), Buffer.alloc(10 * 1024 * 1024)])), 'image/png'),
    ).toMatchObject({ ok: false, rule: 'file-too-large' });
  });
});
