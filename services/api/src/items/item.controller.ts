import { Controller, Get, Query, Req } from '@nestjs/common';
import { may, type ItemSearchResponse, type SessionUser } from '@liaowang/contract';
import { DescribeQuery, parseWith, Requires } from '@liaowang/platform';
import { ItemSearchService, itemSearchQuerySchema } from './item-search.service';

@Controller('api/v1/items')
export class ItemController {
  constructor(private readonly items: ItemSearchService) {}

  // Every role reads items; texts are PII-masked (R-ENR-5).
  @Requires('items.search')
  @Get()
  @DescribeQuery(itemSearchQuerySchema)
  search(@Query() query: unknown, @Req() request: { user: SessionUser }): Promise<ItemSearchResponse> {
    const matchRawText = may(request.user.role, 'items.raw.view');
    return this.items.search(parseWith(itemSearchQuerySchema, query, 'query'), { matchRawText });
  }
}
