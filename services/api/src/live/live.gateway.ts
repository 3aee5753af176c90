import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  CLIENT_EVENT_ACTIONS,
  itemsIndexedTopic,
  itemSummarySchema,
  LIVE_NAMESPACE,
  may,
  SERVER_EVENT_ACTIONS,
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

type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: SessionUser }>;
type LiveSocket = Parameters<Parameters<LiveNamespace['on']>[1]>[0];
type ClientEvent = keyof ClientToServerEvents;

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
      // Server events go to a room per action, so only roles that may receive them join it.
      for (const action of new Set(Object.values(SERVER_EVENT_ACTIONS))) {
        if (may(socket.data.user.role, action)) void socket.join(action);
      }
      this.onClientEvent(socket, 'items:recent', (limit, reply) => {
        if (typeof reply !== 'function') return;
        const size = Math.min(200, Math.max(1, Number(limit) || 50));
        this.items.search({ size }, { matchRawText: false }).then(
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
        if (items.length > 0) this.namespace?.to(SERVER_EVENT_ACTIONS['items:indexed']).emit('items:indexed', items);
      },
    });
  }

  /**
   * The one door for client events: the role is checked against the event's action before the
   * handler runs; a refused event with an acknowledgement gets `{ error: 'forbidden' }`.
   */
  private onClientEvent<E extends ClientEvent>(socket: LiveSocket, event: E, handler: ClientToServerEvents[E]): void {
    const action = CLIENT_EVENT_ACTIONS[event];
    socket.on(event as ClientEvent, ((...args: unknown[]) => {
      if (may(socket.data.user.role, action)) return (handler as (...a: unknown[]) => void)(...args);
      this.logger.warn({ event, role: socket.data.user.role }, 'socket event refused');
      const reply = args[args.length - 1];
      if (typeof reply === 'function') reply({ error: 'forbidden' });
    }) as never);
  }

  // Before Nest closes the HTTP server, so open sockets do not hold it open.
  beforeApplicationShutdown(): void {
    this.io?.disconnectSockets(true);
    this.io?.engine.close();
  }
}
