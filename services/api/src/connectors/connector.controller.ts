import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { connectorIdParamSchema, type ConnectorStatus, type SessionUser } from '@liaowang/contract';
import { auditRequestContext, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { ConnectorService } from './connector.service';

type AdminRequest = CorrelatedRequest & { user: SessionUser };

/** The connectors (push endpoints, feeds, simulator) with their status; pause and resume by an admin. */
@Controller('api/v1/connectors')
export class ConnectorController {
  constructor(private readonly connectors: ConnectorService) {}

  @Requires('connectors.read')
  @Get()
  list(): Promise<ConnectorStatus[]> {
    return this.connectors.list();
  }

  /** Intake stops taking from it within one poll interval (5 s): a feed is not polled, a push answers 503. */
  @Requires('connectors.manage')
  @Post(':id/pause')
  @HttpCode(200)
  @ProblemResponse(404, 'No such connector')
  pause(@Param('id') id: string, @Req() request: AdminRequest): Promise<ConnectorStatus> {
    return this.connectors.setPaused(request.user, parseWith(connectorIdParamSchema, id, 'id'), true, auditRequestContext(request));
  }

  @Requires('connectors.manage')
  @Post(':id/resume')
  @HttpCode(200)
  @ProblemResponse(404, 'No such connector')
  resume(@Param('id') id: string, @Req() request: AdminRequest): Promise<ConnectorStatus> {
    return this.connectors.setPaused(request.user, parseWith(connectorIdParamSchema, id, 'id'), false, auditRequestContext(request));
  }
}
