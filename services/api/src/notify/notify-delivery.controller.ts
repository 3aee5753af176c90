import { Controller, Get, Query } from '@nestjs/common';
import { notifyDeliveryQueryFields, type NotifyDelivery } from '@liaowang/contract';
import { DescribeQuery, parseWith, Requires } from '@liaowang/platform';
import { NotifyDeliveryRepository } from './notify-delivery.repository';

/** Every attempt to deliver a notice, newest first (admins). */
@Controller('api/v1/notify-deliveries')
export class NotifyDeliveryController {
  constructor(private readonly deliveries: NotifyDeliveryRepository) {}

  @Requires('escalation.manage')
  @Get()
  @DescribeQuery(notifyDeliveryQueryFields)
  list(@Query() query: unknown): Promise<NotifyDelivery[]> {
    return this.deliveries.list(parseWith(notifyDeliveryQueryFields, query, 'query'));
  }
}
