import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { feedInputSchema, feedUpdateSchema, type Feed, type SessionUser } from '@liaowang/contract';
import { auditRequestContext, DescribeBody, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { FeedService } from './feed.service';

type AdminRequest = CorrelatedRequest & { user: SessionUser };
const feedIdParam = z.string().uuid();

/** RSS / Atom feeds polled by intake (R-ING-2): entries naming a keyword become mentions. */
@Controller('api/v1/feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Requires('connectors.read')
  @Get()
  list(): Promise<Feed[]> {
    return this.feeds.list();
  }

  @Requires('connectors.read')
  @Get(':id')
  @ProblemResponse(404, 'No such feed')
  get(@Param('id') id: string): Promise<Feed> {
    return this.feeds.get(parseWith(feedIdParam, id, 'id'));
  }

  @Requires('connectors.manage')
  @Post()
  @HttpCode(201)
  @DescribeBody(feedInputSchema)
  create(@Body() body: unknown, @Req() request: AdminRequest): Promise<Feed> {
    return this.feeds.create(request.user, parseWith(feedInputSchema, body), auditRequestContext(request));
  }

  /** Changes the fields given. */
  @Requires('connectors.manage')
  @Put(':id')
  @DescribeBody(feedUpdateSchema)
  @ProblemResponse(404, 'No such feed')
  update(@Param('id') id: string, @Body() body: unknown, @Req() request: AdminRequest): Promise<Feed> {
    return this.feeds.update(request.user, parseWith(feedIdParam, id, 'id'), parseWith(feedUpdateSchema, body), auditRequestContext(request));
  }

  @Requires('connectors.manage')
  @Delete(':id')
  @HttpCode(200)
  @ProblemResponse(404, 'No such feed')
  remove(@Param('id') id: string, @Req() request: AdminRequest): Promise<Feed> {
    return this.feeds.remove(request.user, parseWith(feedIdParam, id, 'id'), auditRequestContext(request));
  }
}
