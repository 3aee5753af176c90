import { Controller, Get, Query } from '@nestjs/common';
import { auditQuerySchema, type AuditChainVerdict, type AuditPage } from '@liaowang/contract';
import { parseWith, Requires } from '@liaowang/platform';
import { AuditQueryService } from './audit-query.service';

// R-SEC-2, R-SEC-6: the trail and its verification, for admins and leaders.
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Requires('audit.read')
  @Get()
  list(@Query() query: unknown): Promise<AuditPage> {
    return this.audit.list(parseWith(auditQuerySchema, query, 'query'));
  }

  @Requires('audit.read')
  @Get('verify')
  verify(): Promise<AuditChainVerdict> {
    return this.audit.verify();
  }
}
