import { Controller, Get, Query } from '@nestjs/common';
import { auditQueryFields, auditQuerySchema, type AuditChainVerdict, type AuditPage } from '@liaowang/contract';
import { DescribeQuery, parseWith, Requires } from '@liaowang/platform';
import { AuditQueryService } from './audit-query.service';

// R-SEC-2, R-SEC-6: the trail and its verification, for admins and leaders.
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Requires('audit.read')
  @Get()
  @DescribeQuery(auditQueryFields)
  list(@Query() query: unknown): Promise<AuditPage> {
    return this.audit.list(parseWith(auditQuerySchema, query, 'query'));
  }

  @Requires('audit.read')
  @Get('verify')
  verify(): Promise<AuditChainVerdict> {
    return this.audit.verify();
  }
}
