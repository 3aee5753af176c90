import { Controller, Get, Param, Req } from '@nestjs/common';
import type { ItemDocument, SessionUser } from '@liaowang/contract';
import { auditRequestContext, parseWith, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { ItemRawService } from './item-raw.service';

const itemIdSchema = z.string().trim().min(1).max(300);

@Controller('api/v1/items')
export class ItemRawController {
  constructor(private readonly raw: ItemRawService) {}

  // The unmasked text and the raw payload carry personal data (R-ENR-5): audited views only.
  @Requires('items.raw.view')
  @Get(':id/raw')
  view(@Param('id') id: string, @Req() request: CorrelatedRequest & { user: SessionUser }): Promise<ItemDocument> {
    return this.raw.view(parseWith(itemIdSchema, id, 'id'), request.user, auditRequestContext(request));
  }
}
