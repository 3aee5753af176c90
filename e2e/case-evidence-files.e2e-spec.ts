import type { AuditPage, Case, Problem } from '@liaowang/contract';
import { createHash, randomUUID } from 'node:crypto';
import { callApi } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-CASE-5 over HTTP on the real stack: evidence files uploaded as multipart, told by their
// bytes, size-limited, kept with their SHA-256 and downloaded byte for byte, every view audited.
describe('case evidence files', () => {
  let system: TestSystem;
  const tokens = { duty: '', responder: '', admin: '', screen: '' };
  type Who = keyof typeof tokens;
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  // A PNG's signature and header chunk, then filler: the type is told by the first bytes.
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    Buffer.from(randomUUID()),
  ]);

  const upload = (
    who: Who,
    caseId: string,
    bytes: Buffer,
    name: string,
    fields: Record<string, string>,
    type = 'application/octet-stream',
  ) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return fetch(`${system.apiUrl}/api/v1/cases/${encodeURIComponent(caseId)}/evidence/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: form,
    });
  };
  const download = (who: Who, caseId: string, evidenceId: string) =>
    fetch(
      `${system.apiUrl}/api/v1/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}/file`,
      {
        headers: { authorization: `Bearer ${tokens[who]}` },
      },
    );
  const open = async (): Promise<Case> => {
    const response = await callApi(system.apiUrl, tokens.duty, 'POST', '/api/v1/cases', {
      title: `证据文件-${randomUUID().slice(0, 8)}`,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Case;
  };

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
    for (const who of Object.keys(tokens) as Who[]) tokens[who] = (await system.login(who)).token;
  });
  afterAll(() => system?.stop());

  it('keeps an uploaded screenshot with its SHA-256 and gives back the same bytes, with name, type and hash, audited', async () => {
    const kase = await open();
    const response = await upload('responder', kase.id, png, '网传截图 1.png', {
      version: String(kase.version),
      note: '微博截图',
    });
    expect(response.status).toBe(201);
    const after = (await response.json()) as Case;
    const [evidence] = after.evidence;
    expect(evidence).toMatchObject({
      kind: 'file',
      name: '网传截图 1.png',
      mediaType: 'image/png',
      size: png.length,
      sha256: sha256(png),
      note: '微博截图',
      addedBy: 'responder',
    });
    expect(after.version).toBe(kase.version + 1);
    expect(after.timeline.at(-1)).toMatchObject({
      type: 'evidence_added',
      by: 'responder',
      detail: expect.stringContaining(sha256(png)),
    });

    const got = await download('duty', kase.id, evidence.id);
    expect(got.status).toBe(200);
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(bytes.equals(png)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-sha256')).toBe(sha256(bytes));
    expect(got.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('网传截图 1.png')}`,
    );

    const audit = async (action: string) =>
      eventually(
        async () => {
          const { records } = (await (
            await callApi(system.apiUrl, tokens.admin, 'GET', `/api/v1/audit?action=${action}&targetId=${kase.id}`)
          ).json()) as AuditPage;
          return records.length > 0 ? records : undefined;
        },
        10_000,
        `${action} audited`,
      );
    expect((await audit('cases.evidence.add'))[0]).toMatchObject({ actor: { username: 'responder' } });
    expect((await audit('cases.evidence.file.view'))[0]).toMatchObject({
      actor: { username: 'duty' },
      after: { evidenceId: evidence.id, sha256: sha256(png) },
    });
  });

  it('tells office documents and text by their bytes, and refuses other content with 415 naming its type', async () => {
    let kase = await open();
    const text = Buffer.from('网传：某校食堂出现问题。\n核实中。\n', 'utf8');
    const taken = await upload('duty', kase.id, text, '说明.txt', { version: String(kase.version) }, 'text/plain');
    expect(taken.status).toBe(201);
    kase = (await taken.json()) as Case;
    expect(kase.evidence.at(-1)).toMatchObject({ mediaType: 'text/plain', sha256: sha256(text) });

    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const refused = await upload('duty', kase.id, elf, '截图.png', { version: String(kase.version) }, 'image/png');
    expect(refused.status).toBe(415);
    const problem = (await refused.json()) as Problem;
    expect(problem.detail).toContain('application/x-executable');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0]);
    const archive = await upload(
      'duty',
      kase.id,
      zip,
      '材料.zip',
      { version: String(kase.version) },
      'application/zip',
    );
    expect(archive.status).toBe(415);
    expect(((await archive.json()) as Problem).detail).toContain('application/zip');
    // Nothing was kept of the refused ones.
    const now = (await (await callApi(system.apiUrl, tokens.duty, 'GET', `/api/v1/cases/${kase.id}`)).json()) as Case;
    expect(now.version).toBe(kase.version);
    expect(now.evidence).toHaveLength(1);
  });

  it('refuses a file over the limit with 413 naming it, a stale version with 409, and a missing file with 400', async () => {
    const kase = await open();
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload('duty', kase.id, big, 'big.png', { version: String(kase.version) }, 'image/png');
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as Problem).detail).toContain(String(10 * 1024 * 1024));
    const stale = await upload('duty', kase.id, png, 'a.png', { version: String(kase.version + 5) });
    expect(stale.status).toBe(409);
    const form = new FormData();
    form.append('version', String(kase.version));
    const missing = await fetch(`${system.apiUrl}/api/v1/cases/${kase.id}/evidence/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.duty}` },
      body: form,
    });
    expect(missing.status).toBe(400);
    expect(
      ((await (await callApi(system.apiUrl, tokens.duty, 'GET', `/api/v1/cases/${kase.id}`)).json()) as Case).evidence,
    ).toEqual([]);
  });

  it('refuses upload and download to roles without the action', async () => {
    const kase = await open();
    const taken = await upload('duty', kase.id, png, 'a.png', { version: String(kase.version) });
    const evidenceId = ((await taken.json()) as Case).evidence[0].id;
    expect((await upload('admin', kase.id, png, 'a.png', { version: '2' })).status).toBe(403);
    expect((await upload('screen', kase.id, png, 'a.png', { version: '2' })).status).toBe(403);
    expect((await download('admin', kase.id, evidenceId)).status).toBe(403);
    expect((await download('screen', kase.id, evidenceId)).status).toBe(403);
    expect((await download('duty', kase.id, 'no-such-evidence')).status).toBe(404);
  });
});
