import { Controller, Get, Param, Query } from '@nestjs/common';
import { storyListQuerySchema, type StoryDetailResponse, type StoryListResponse } from '@liaowang/contract';
import { DescribeQuery, parseWith, ProblemException, Requires } from '@liaowang/platform';
import { z } from 'zod';
import { StoryRepository } from './story.repository';

const storyIdSchema = z.string().trim().min(1).max(200);
const STORY_ITEMS_SHOWN = 50;

@Controller('api/v1/stories')
export class StoryController {
  constructor(private readonly stories: StoryRepository) {}

  /** Hot stories: by velocity (items in the last 10 min), volume or peak rumor risk. */
  @Requires('stories.read')
  @Get()
  @DescribeQuery(storyListQuerySchema)
  async list(@Query() query: unknown): Promise<StoryListResponse> {
    return { stories: await this.stories.list(parseWith(storyListQuerySchema, query, 'query')) };
  }

  /** One story with its newest items, personal data masked. */
  @Requires('stories.read')
  @Get(':id')
  async detail(@Param('id') id: string): Promise<StoryDetailResponse> {
    const storyId = parseWith(storyIdSchema, id, 'id');
    const story = await this.stories.find(storyId);
    if (!story) throw ProblemException.notFound(`No story ${storyId}`);
    return { story, items: await this.stories.items(storyId, STORY_ITEMS_SHOWN) };
  }
}
