import { Controller, Get, Query, Req } from '@nestjs/common';
import {
  hotWordsParamsSchema,
  hotWordsQuerySchema,
  may,
  statsQuerySchema,
  type HotWords,
  type SentimentStats,
  type SessionUser,
  type VolumeStats,
} from '@liaowang/contract';
import { DescribeQuery, parseWith, Requires } from '@liaowang/platform';
import { StatsService } from './stats.service';

/** Chart series over the items a search matches; the same side-door rule as the search. */
@Controller('api/v1/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Requires('items.search')
  @Get('volume')
  @DescribeQuery(statsQuerySchema)
  volume(@Query() query: unknown, @Req() request: { user: SessionUser }): Promise<VolumeStats> {
    return this.stats.volume(parseWith(statsQuerySchema, query, 'query'), { matchRawText: may(request.user.role, 'items.raw.view') });
  }

  @Requires('items.search')
  @Get('sentiment')
  @DescribeQuery(statsQuerySchema)
  sentiment(@Query() query: unknown, @Req() request: { user: SessionUser }): Promise<SentimentStats> {
    return this.stats.sentiment(parseWith(statsQuerySchema, query, 'query'), { matchRawText: may(request.user.role, 'items.raw.view') });
  }

  @Requires('items.search')
  @Get('hot-words')
  @DescribeQuery(hotWordsParamsSchema)
  hotWords(@Query() query: unknown, @Req() request: { user: SessionUser }): Promise<HotWords> {
    return this.stats.hotWords(parseWith(hotWordsQuerySchema, query, 'query'), { matchRawText: may(request.user.role, 'items.raw.view') });
  }
}
