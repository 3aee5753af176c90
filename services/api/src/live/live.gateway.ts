import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  itemsIndexedTopic,
  itemSummarySchema,
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type ItemSummary,
  type ServerToClientEvents,
  type SessionUser,
} from '@liaowang/contract';
import {
  KAFKA,
  LOGGER,
  parseMessage,
  SESSION_TOKENS,
  type KafkaPort,
  type Logger,
  type SessionTokens,
} from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { Server, type Namespace } from 'socket.io';
import { ItemSearchService } from '../items/item-search.service';
import { LIVE_EVENT_ROLES } from './live-event-roles';

type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: SessionUser }>;

/**
 * Pushes indexed items to every signed-in dashboard (R-ALR-2). The handshake is checked like a
 * REST call (R-SEC-5); each API instance reads the indexed topic in its own group, so every
 * instance sees every item.
 */
@Injectable()
export class LiveGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private io?: Server;
  private namespace?: LiveNamespace;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly items: ItemSearchService,
    @Inject(SESSION_TOKENS) private readonly tokens: SessionTokens,
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.io = new Server(this.adapterHost.httpAdapter.getHttpServer(), { serveClient: false });
    this.namespace = this.io.of(LIVE_NAMESPACE) as LiveNamespace;
    this.namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      void this.tokens.verify(typeof token === 'string' ? token : undefined).then((user) => {
        if (!user) return next(new Error('unauthorized'));
        socket.data.user = user;
        next();
      });
    });
    this.namespace.on('connection', (socket) => {
      socket.on('items:recent', (limit, reply) => {
        if (typeof reply !== 'function') return;
        if (!LIVE_EVENT_ROLES['items:recent'].includes(socket.data.user.role)) return reply([]);
        const size = Math.min(200, Math.max(1, Number(limit) || 50));
        this.items.search({ size }).then(
          (result) => reply(result.items),
          (error: unknown) => {
            this.logger.warn({ err: error }, 'items:recent failed');
            reply([]);
          },
        );
      });
    });
    await this.kafka.consume({
      stage: 'live',
      groupId: `liaowang-api-live-${randomUUID()}`,
      topic: itemsIndexedTopic,
      fromBeginning: false,
      handle: async (messages) => {
        const items: ItemSummary[] = [];
        for (const message of messages) {
          const parsed = parseMessage(message, itemSummarySchema);
          if (parsed.ok) items.push(parsed.value);
          else this.logger.warn({ offset: message.offset, reason: parsed.reason }, 'unreadable indexed item');
        }
        if (items.length > 0) this.namespace?.emit('items:indexed', items);
      },
    });
  }

  // Before Nest closes the HTTP server, so open sockets do not hold it open.
  beforeApplicationShutdown(): void {
    this.io?.disconnectSockets(true);
    this.io?.engine.close();
  }
}
