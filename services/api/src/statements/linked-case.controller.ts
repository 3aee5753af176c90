import { Controller, Get, Param } from '@nestjs/common';
import type { ItemCaseResponse } from '@liaowang/contract';
import { parseWith, Requires } from '@liaowang/platform';
import { z } from 'zod';
import { LinkedCaseLookup } from './linked-case.lookup';

const idParam = z.string().min(1).max(300);

/** 统一口径 beside an item (004 Art. 12): the case it is linked to, with the released line. */
@Controller('api/v1/items')
export class LinkedCaseController {
  constructor(private readonly linkedCases: LinkedCaseLookup) {}

  @Requires('items.search')
  @Get(':id/case')
  async forItem(@Param('id') id: string): Promise<ItemCaseResponse> {
    return { case: (await this.linkedCases.forItem(parseWith(idParam, id, 'id'))) ?? null };
  }
}
