import {
  Body,
  Controller,
  Get,
  Param,
  PayloadTooLargeException,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces } from '@nestjs/swagger';
import {
  EVIDENCE_FILE_MEDIA_TYPES,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_SHA256_HEADER,
  type Case,
  type SessionUser,
} from '@liaowang/contract';
import { auditRequestContext, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import contentDisposition from 'content-disposition';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { CaseEvidenceFileService, evidenceFileTooLarge, type UploadedPart } from './case-evidence-file.service';

type StaffRequest = CorrelatedRequest & { user: SessionUser };
const idParam = z.string().min(1).max(200);
/** The part of the HTTP response a download sets. */
interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * Multer through Nest's maintained interceptor, bytes in memory; it stops reading a part past the
 * limit (one byte over is enough to tell), and its 413 is answered as a problem naming the limit.
 */
class EvidenceUploadInterceptor extends FileInterceptor('file', {
  limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10 },
  // Browsers and fetch send the file name as raw UTF-8 (Chinese names are the rule here).
  defParamCharset: 'utf8',
}) {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw evidenceFileTooLarge();
      throw error;
    }
  }
}

/** Evidence files of a case (R-CASE-5): uploaded as multipart, downloaded byte for byte with their SHA-256. */
@Controller('api/v1/cases')
export class CaseEvidenceFileController {
  constructor(private readonly files: CaseEvidenceFileService) {}

  @Requires('cases.work')
  @Post(':id/evidence/files')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'version'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `one of ${EVIDENCE_FILE_MEDIA_TYPES.join(', ')}, told by its bytes; at most ${EVIDENCE_MAX_BYTES} bytes`,
        },
        version: { type: 'integer', minimum: 1, description: 'the case version the upload was made on' },
        note: { type: 'string', maxLength: 2000 },
      },
    },
  })
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(413, 'The file is larger than the limit (named in the answer)')
  @ProblemResponse(415, 'The content is not an allowed type (the type found is named in the answer)')
  @ProblemResponse(422, 'The case is archived')
  upload(
    @Param('id') id: string,
    @UploadedFile() file: UploadedPart | undefined,
    @Body() fields: unknown,
    @Req() request: StaffRequest,
  ): Promise<Case> {
    return this.files.upload(
      request.user,
      parseWith(idParam, id, 'id'),
      file,
      fields ?? {},
      auditRequestContext(request),
    );
  }

  /** The file as uploaded: its type, its original name as the download's name, its SHA-256 in a header; every view audited. */
  @Requires('cases.evidence.file.view')
  @Get(':id/evidence/:evidenceId/file')
  @ApiProduces(...EVIDENCE_FILE_MEDIA_TYPES)
  @ProblemResponse(404, 'No such case or file evidence')
  async download(
    @Param('id') id: string,
    @Param('evidenceId') evidenceId: string,
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    const file = await this.files.download(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(idParam, evidenceId, 'evidenceId'),
      auditRequestContext(request),
    );
    response.setHeader('Content-Disposition', contentDisposition(file.name));
    response.setHeader(EVIDENCE_SHA256_HEADER, file.sha256);
    // The type was told by the bytes at upload; the browser must not guess another.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.bytes, { type: file.mediaType, length: file.bytes.length });
  }
}
