import { Controller, Get, Query } from '@nestjs/common';
import { ROLES, type ItemSearchResponse } from '@liaowang/contract';
import { AllowRoles, parseWith } from '@liaowang/platform';
import { ItemSearchService, itemSearchQuerySchema } from './item-search.service';

@Controller('api/v1/items')
export class ItemController {
  constructor(private readonly items: ItemSearchService) {}

  // Every role reads items; texts are PII-masked (R-ENR-5).
  @AllowRoles(...ROLES)
  @Get()
  search(@Query() query: unknown): Promise<ItemSearchResponse> {
    return this.items.search(parseWith(itemSearchQuerySchema, query, 'query'));
  }
}
