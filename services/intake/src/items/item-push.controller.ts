import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  commentIntakeV1Schema,
  impostorReportIntakeV1Schema,
  itemBatchIntakeSchema,
  mentionIntakeSchema,
  rawItemFor,
  validateItemIntake,
  validateLegacyIntake,
  type IntakeAccepted,
  type ItemBatchAccepted,
  type ItemBatchResult,
  type ItemKind,
  type ItemValidation,
} from '@liaowang/contract';
import { AcceptsIntakeKey, DescribeBody, parseWith, ProblemException, ProblemResponse, Requires } from '@liaowang/platform';
import { ItemIntakeService } from './item-intake.service';

/** HTTP push endpoints for webhooks and connectors, one per kind of item (R-ING-2). */
@Controller('api/v1/intake')
export class ItemPushController {
  constructor(private readonly intake: ItemIntakeService) {}

  /** Mentions; also still the first push payload of any kind (`kind` optional), as before. */
  @Requires('intake.push')
  @AcceptsIntakeKey()
  @Post('mentions')
  @HttpCode(202)
  @DescribeBody(mentionIntakeSchema)
  @ProblemResponse(503, 'Kafka cannot take it now: retry after Retry-After seconds')
  pushMention(@Body() body: unknown): Promise<IntakeAccepted> {
    const kindAsked = (body as { kind?: unknown } | null)?.kind;
    const kind: ItemKind = kindAsked === 'comment' || kindAsked === 'impostor_report' ? kindAsked : 'mention';
    return this.push(kind, body, validateLegacyIntake(body));
  }

  /** A comment on one of the organisation's own accounts, with its account and post. */
  @Requires('intake.push')
  @AcceptsIntakeKey()
  @Post('comments')
  @HttpCode(202)
  @DescribeBody(commentIntakeV1Schema)
  @ProblemResponse(503, 'Kafka cannot take it now: retry after Retry-After seconds')
  pushComment(@Body() body: unknown): Promise<IntakeAccepted> {
    return this.push('comment', body, validateItemIntake('comment', body));
  }

  /** A report of an account impersonating one of the organisation's. */
  @Requires('intake.push')
  @AcceptsIntakeKey()
  @Post('impostor-reports')
  @HttpCode(202)
  @DescribeBody(impostorReportIntakeV1Schema)
  @ProblemResponse(503, 'Kafka cannot take it now: retry after Retry-After seconds')
  pushImpostorReport(@Body() body: unknown): Promise<IntakeAccepted> {
    return this.push('impostor_report', body, validateItemIntake('impostor_report', body));
  }

  /**
   * Up to 500 items of one kind at once: the valid ones are written (202 only once Kafka has
   * them all), each invalid one answered with its fields; all refused is a 400.
   */
  @Requires('intake.push')
  @AcceptsIntakeKey()
  @Post('batch')
  @HttpCode(202)
  @DescribeBody(itemBatchIntakeSchema)
  @ProblemResponse(503, 'Kafka cannot take them now: retry the whole batch after Retry-After seconds (what was written is then a duplicate)')
  async pushBatch(@Body() body: unknown): Promise<ItemBatchAccepted> {
    const { kind, items } = parseWith(itemBatchIntakeSchema, body);
    const validations = items.map((payload) => ({ payload, validation: validateItemIntake(kind, payload) }));
    const valid = validations.flatMap(({ payload, validation }) => (validation.ok ? [rawItemFor(validation.item, payload)] : []));
    const rejected = validations.length - valid.length;
    if (rejected > 0) this.intake.countRejected(kind, 'http', rejected);
    if (valid.length === 0) {
      throw ProblemException.invalidFields(validations.flatMap(({ validation }, index) => (validation.ok ? [] : validation.errors.map((e) => ({ ...e, field: `items.${index}.${e.field}` })))));
    }
    const accepted = await this.intake.accept(valid, 'http');
    let next = 0;
    const results: ItemBatchResult[] = validations.map(({ validation }) => (validation.ok ? accepted[next++] : { errors: validation.errors }));
    const duplicate = accepted.filter((a) => a.duplicate).length;
    return { accepted: accepted.length - duplicate, duplicate, rejected, results };
  }

  private async push(kind: ItemKind, body: unknown, validation: ItemValidation<Parameters<typeof rawItemFor>[0]>): Promise<IntakeAccepted> {
    if (!validation.ok) {
      this.intake.countRejected(kind, 'http');
      throw ProblemException.invalidFields(validation.errors);
    }
    const [accepted] = await this.intake.accept([rawItemFor(validation.item, body)], 'http');
    return accepted;
  }
}
