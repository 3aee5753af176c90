import { Inject, Injectable } from '@nestjs/common';
import {
  caseEvidenceFileFieldsSchema,
  EVIDENCE_MAX_BYTES,
  type Case,
  type EvidenceFileMediaType,
  type SessionUser,
} from '@liaowang/contract';
import {
  AUDIT_TRAIL,
  parseWith,
  ProblemException,
  type AuditRequestContext,
  type AuditTrail,
} from '@liaowang/platform';
import { CaseRepository } from './case.repository';
import { CaseWorkService } from './case-work.service';
import { caseNotFound } from './case-writer.service';
import { evidenceFileType } from './evidence-file-type';

/** One part of a multipart upload as multer hands it over (kept in memory, within the size limit). */
export interface UploadedPart {
  originalname: string;
  mimetype?: string;
  size: number;
  buffer: Buffer;
}

export interface EvidenceFileDownload {
  name: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

export function evidenceFileTooLarge(): ProblemException {
  return new ProblemException({
    type: 'urn:liaowang:problem:file-too-large',
    title: 'File too large',
    status: 413,
    detail: `An evidence file may have at most ${EVIDENCE_MAX_BYTES} bytes (${EVIDENCE_MAX_BYTES / 1024 / 1024} MB)`,
    errors: [{ field: 'file', message: `at most ${EVIDENCE_MAX_BYTES} bytes` }],
  });
}

function unsupportedType(detected: string): ProblemException {
  return new ProblemException({
    type: 'urn:liaowang:problem:file-type-not-allowed',
    title: 'File type not allowed',
    status: 415,
    detail: `The file's content is ${detected}; evidence may be an image, a PDF, an office document or plain text`,
    errors: [{ field: 'file', message: `content is ${detected}` }],
  });
}

/** A file name as the case keeps it: no folders, no control characters, at most 255 characters. */
function cleanName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/[\x00-\x1f\x7f]/g, '')
    .trim();
  return (base || 'file').slice(0, 255);
}

/** Uploaded evidence files and their download (R-CASE-5); the bytes are kept with their SHA-256. */
@Injectable()
export class CaseEvidenceFileService {
  constructor(
    private readonly work: CaseWorkService,
    private readonly cases: CaseRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  upload(
    user: SessionUser,
    id: string,
    part: UploadedPart | undefined,
    fields: unknown,
    context: AuditRequestContext,
  ): Promise<Case> {
    const { version, note } = parseWith(caseEvidenceFileFieldsSchema, fields);
    if (!part || part.size === 0)
      throw new ProblemException({
        type: 'urn:liaowang:problem:validation',
        title: 'Invalid request',
        status: 400,
        detail: 'file: a non-empty file part named `file` is required',
        errors: [{ field: 'file', message: 'a non-empty file part is required' }],
      });
    if (part.size > EVIDENCE_MAX_BYTES) throw evidenceFileTooLarge();
    const name = cleanName(part.originalname);
    const type = evidenceFileType(part.buffer, part.mimetype, name);
    if (!type.ok) throw unsupportedType(type.detected);
    return this.work.addEvidenceFile(
      user,
      id,
      { name, mediaType: type.mediaType, bytes: part.buffer, version, ...(note ? { note } : {}) },
      context,
    );
  }

  /** The bytes of a file as uploaded; the view is audited before the answer leaves (raw evidence, R-SEC-2). */
  async download(
    user: SessionUser,
    id: string,
    evidenceId: string,
    context: AuditRequestContext,
  ): Promise<EvidenceFileDownload> {
    const found = await this.cases.find(id);
    if (!found) throw caseNotFound(id);
    const evidence = found.kase.evidence.find((e) => e.id === evidenceId && e.kind === 'file');
    if (!evidence) throw ProblemException.notFound(`No file evidence ${evidenceId} in this case`);
    const file = await this.cases.findFile(id, evidenceId);
    if (!file) throw ProblemException.notFound(`The bytes of evidence ${evidenceId} are not kept`);
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'cases.evidence.file.view',
      target: { type: 'case', id },
      after: { evidenceId, name: file.name, sha256: file.sha256 },
      outcome: 'success',
      ...context,
    });
    return {
      name: file.name,
      mediaType: file.mediaType as EvidenceFileMediaType,
      sha256: file.sha256,
      bytes: Buffer.from(file.content, 'base64'),
    };
  }
}
