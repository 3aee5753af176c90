import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { savedSearchInputSchema, type SavedSearch, type SessionUser } from '@liaowang/contract';
import { auditRequestContext, DescribeBody, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { SavedSearchService } from './saved-search.service';

type OwnerRequest = CorrelatedRequest & { user: SessionUser };
const savedSearchIdParam = z.string().min(1).max(100);

/** The caller's own saved searches. */
@Controller('api/v1/saved-searches')
export class SavedSearchController {
  constructor(private readonly searches: SavedSearchService) {}

  @Requires('searches.save')
  @Get()
  list(@Req() request: OwnerRequest): Promise<SavedSearch[]> {
    return this.searches.list(request.user);
  }

  @Requires('searches.save')
  @Post()
  @HttpCode(201)
  @DescribeBody(savedSearchInputSchema)
  create(@Body() body: unknown, @Req() request: OwnerRequest): Promise<SavedSearch> {
    return this.searches.create(request.user, parseWith(savedSearchInputSchema, body), auditRequestContext(request));
  }

  @Requires('searches.save')
  @Delete(':id')
  @HttpCode(200)
  @ProblemResponse(404, 'No such saved search of yours')
  remove(@Param('id') id: string, @Req() request: OwnerRequest): Promise<SavedSearch> {
    return this.searches.remove(request.user, parseWith(savedSearchIdParam, id, 'id'), auditRequestContext(request));
  }
}
