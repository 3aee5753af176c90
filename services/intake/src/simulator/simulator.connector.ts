import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { rawItemFor } from '@liaowang/contract';
import { LOGGER, SETTINGS, type Logger, type Settings } from '@liaowang/platform';
import { ItemIntakeService } from '../items/item-intake.service';
import { MentionGenerator } from './mention-generator';

const TICK_MS = 100;

/** A connector like any other: it feeds generated posts through the same intake (R-ING-2). */
@Injectable()
export class SimulatorConnector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly generator = new MentionGenerator();
  private carry = 0;
  private busy = false;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly intake: ItemIntakeService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.SIMULATOR_RATE <= 0) return;
    this.scheduler.addInterval('simulator', setInterval(() => void this.tick(), TICK_MS));
    this.logger.info({ rate: this.settings.SIMULATOR_RATE }, 'simulator on');
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', 'simulator')) this.scheduler.deleteInterval('simulator');
  }

  private async tick(): Promise<void> {
    // Skip a tick rather than pile up sends when Kafka is slow.
    if (this.busy) return;
    this.carry += (this.settings.SIMULATOR_RATE * TICK_MS) / 1000;
    const count = Math.floor(this.carry);
    if (count === 0) return;
    this.carry -= count;
    this.busy = true;
    try {
      const items = Array.from({ length: count }, () => {
        const mention = this.generator.generate();
        return rawItemFor(mention, mention);
      });
      await this.intake.accept(items, 'simulator');
    } catch (error) {
      this.logger.warn({ err: error }, 'simulator tick failed');
    } finally {
      this.busy = false;
    }
  }
}
