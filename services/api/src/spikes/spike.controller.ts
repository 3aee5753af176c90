import { Controller, Get, Query } from '@nestjs/common';
import { spikeListQueryFields, spikeListQuerySchema, type SpikeListResponse } from '@liaowang/contract';
import { DescribeQuery, parseWith, Requires } from '@liaowang/platform';
import { SpikeRepository } from './spike.repository';

@Controller('api/v1/spikes')
export class SpikeController {
  constructor(private readonly spikes: SpikeRepository) {}

  /** Spikes (突增) of stories, watched keywords and negative volume, newest window first. */
  @Requires('spikes.read')
  @Get()
  @DescribeQuery(spikeListQueryFields)
  async list(@Query() query: unknown): Promise<SpikeListResponse> {
    return this.spikes.list(parseWith(spikeListQuerySchema, query, 'query'));
  }
}
