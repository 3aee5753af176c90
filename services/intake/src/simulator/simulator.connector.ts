import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { rawItemFor, SIMULATOR_CONNECTOR_ID } from '@liaowang/contract';
import { LOGGER, SETTINGS, type Logger, type Settings } from '@liaowang/platform';
import { ConnectorStatusBook } from '../connectors/connector-status.book';
import { ItemIntakeService } from '../items/item-intake.service';
import { withKindContext } from './kind-context';
import { RatePacer } from './rate-pacer';
import { ScenarioGenerator } from './scenario-generator';

const TICK_MS = 100;
// A live scenario's incident starts this long after the simulator, so the dashboard first shows an ordinary stream.
const ONSET_AFTER_MS = 2 * 60_000;

/** A connector like any other: it feeds generated posts through the same intake (R-ING-2). */
@Injectable()
export class SimulatorConnector implements OnApplicationBootstrap, OnApplicationShutdown {
  private generator?: ScenarioGenerator;
  private readonly pacer = new RatePacer();
  private busy = false;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly intake: ItemIntakeService,
    private readonly scheduler: SchedulerRegistry,
    private readonly connectors: ConnectorStatusBook,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.SIMULATOR_RATE <= 0) return;
    this.connectors.register(SIMULATOR_CONNECTOR_ID, 'simulator', `simulator: ${this.settings.SIMULATOR_SCENARIO}`);
    this.generator = new ScenarioGenerator(this.settings.SIMULATOR_SCENARIO, new Date(Date.now() + ONSET_AFTER_MS));
    this.scheduler.addInterval('simulator', setInterval(() => void this.tick(), TICK_MS));
    this.logger.info({ rate: this.settings.SIMULATOR_RATE, scenario: this.settings.SIMULATOR_SCENARIO }, 'simulator on');
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', 'simulator')) this.scheduler.deleteInterval('simulator');
  }

  private async tick(): Promise<void> {
    const generator = this.generator;
    if (!generator) return;
    if (this.connectors.isPaused(SIMULATOR_CONNECTOR_ID)) return this.pacer.reset();
    // One send at a time: while one is in flight the posts are owed (the pacer counts the time), not piled up as sends.
    if (this.busy) return;
    // SIMULATOR_RATE is the ordinary stream; a scenario's incident comes on top of it.
    const now = new Date();
    const count = this.pacer.take(now.getTime(), this.settings.SIMULATOR_RATE * (1 + generator.shareAt(now)));
    if (count === 0) return;
    this.busy = true;
    try {
      const items = Array.from({ length: count }, () => {
        const item = withKindContext(generator.generate(now));
        return rawItemFor(item, item);
      });
      await this.intake.accept(items, 'simulator');
    } catch (error) {
      this.logger.warn({ err: error }, 'simulator tick failed');
    } finally {
      this.busy = false;
    }
  }
}
