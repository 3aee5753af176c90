import { evidenceFileType } from './evidence-file-type';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1');
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('evidence file types by their bytes (R-CASE-5)', () => {
  it('takes screenshots, PDF and text by their content, whatever the client declares', () => {
    expect(evidenceFileType(png, 'application/octet-stream', 'shot')).toEqual({ ok: true, mediaType: 'image/png' });
    expect(evidenceFileType(jpeg, undefined, '截图.JPG')).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(evidenceFileType(pdf, 'text/plain', 'x.txt')).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(evidenceFileType(Buffer.from('网传截图文字\n第二行\t完', 'utf8'), 'text/plain', '说明.txt')).toEqual({
      ok: true,
      mediaType: 'text/plain',
    });
  });

  it('takes text declared as text that starts like a short signature (BM of a bitmap)', () => {
    const note = Buffer.from('BM 车辆进入校园的说明\n', 'utf8');
    expect(evidenceFileType(note, 'text/plain; charset=utf-8', 'a')).toEqual({ ok: true, mediaType: 'text/plain' });
    expect(evidenceFileType(note, undefined, '说明.txt')).toEqual({ ok: true, mediaType: 'text/plain' });
    expect(evidenceFileType(note, 'image/bmp', 'a.bmp')).toEqual({ ok: true, mediaType: 'image/bmp' });
  });

  it('tells office documents apart by declared type or extension among what the signature allows', () => {
    expect(evidenceFileType(zip, DOCX, 'a')).toEqual({ ok: true, mediaType: DOCX });
    expect(evidenceFileType(zip, 'application/octet-stream', '通报.xlsx')).toEqual({
      ok: true,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(evidenceFileType(ole, undefined, '旧文件.doc')).toEqual({ ok: true, mediaType: 'application/msword' });
  });

  it('refuses what is not allowed, naming what the bytes are', () => {
    expect(evidenceFileType(elf, 'image/png', 'a.png')).toEqual({ ok: false, detected: 'application/x-executable' });
    expect(evidenceFileType(zip, 'application/zip', 'a.zip')).toEqual({ ok: false, detected: 'application/zip' });
    // A declared image of bytes that are a ZIP is not taken on the client's word.
    expect(evidenceFileType(zip, 'image/png', 'a.png')).toEqual({ ok: false, detected: 'application/zip' });
    expect(evidenceFileType(Buffer.from([0x01, 0x02, 0x00, 0xff]), 'text/plain', 'a.txt')).toEqual({
      ok: false,
      detected: 'application/octet-stream',
    });
    expect(evidenceFileType(Buffer.from('bell\x07', 'latin1'), 'text/plain', 'a.txt')).toEqual({
      ok: false,
      detected: 'application/octet-stream',
    });
  });
});
