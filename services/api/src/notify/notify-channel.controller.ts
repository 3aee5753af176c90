import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import {
  notifyChannelInputSchema,
  notifyChannelUpdateSchema,
  type NotifyChannel,
  type SessionUser,
} from '@liaowang/contract';
import { auditRequestContext, DescribeBody, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { NotifyChannelService } from './notify-channel.service';

type AdminRequest = CorrelatedRequest & { user: SessionUser };
const channelIdParam = z.string().min(1).max(100);

/** Outbound notice channels (admins): the secret is write-only, a robot URL's query is masked. */
@Controller('api/v1/notify-channels')
export class NotifyChannelController {
  constructor(private readonly channels: NotifyChannelService) {}

  @Requires('escalation.manage')
  @Get()
  list(): Promise<NotifyChannel[]> {
    return this.channels.list();
  }

  @Requires('escalation.manage')
  @Post()
  @HttpCode(201)
  @DescribeBody(notifyChannelInputSchema)
  create(@Body() body: unknown, @Req() request: AdminRequest): Promise<NotifyChannel> {
    return this.channels.create(request.user, parseWith(notifyChannelInputSchema, body), auditRequestContext(request));
  }

  /** Changes the fields given; an absent secret is kept, `minSeverity: null` clears it. */
  @Requires('escalation.manage')
  @Put(':id')
  @DescribeBody(notifyChannelUpdateSchema)
  @ProblemResponse(404, 'No such channel')
  update(@Param('id') id: string, @Body() body: unknown, @Req() request: AdminRequest): Promise<NotifyChannel> {
    return this.channels.update(request.user, parseWith(channelIdParam, id, 'id'), parseWith(notifyChannelUpdateSchema, body), auditRequestContext(request));
  }
}
