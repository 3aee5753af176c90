import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { mentionIntakeSchema, type IntakeAccepted } from '@liaowang/contract';
import { AcceptsIntakeKey, DescribeBody, parseWith, ProblemResponse, Requires } from '@liaowang/platform';
import { MentionIntakeService } from './mention-intake.service';
import { toRawItem } from './raw-item';

@Controller('api/v1/intake')
export class MentionController {
  constructor(private readonly intake: MentionIntakeService) {}

  /** HTTP push endpoint for webhooks and the public report form (R-ING-2). */
  @Requires('intake.push')
  @AcceptsIntakeKey()
  @Post('mentions')
  @HttpCode(202)
  @DescribeBody(mentionIntakeSchema)
  @ProblemResponse(503, 'Kafka cannot take it now: retry after Retry-After seconds')
  async pushMention(@Body() body: unknown): Promise<IntakeAccepted> {
    const input = parseWith(mentionIntakeSchema, body);
    const item = toRawItem(input, body);
    await this.intake.accept([item], 'http');
    return { id: item.id };
  }
}
