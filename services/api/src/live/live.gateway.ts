import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  CLIENT_EVENT_ACTIONS,
  itemsIndexedTopic,
  itemSummarySchema,
  LIVE_NAMESPACE,
  may,
  SERVER_EVENT_ACTIONS,
  type Case,
  type ClientToServerEvents,
  type ItemSummary,
  type ServerToClientEvents,
  type SessionUser,
} from '@liaowang/contract';
import {
  KAFKA,
  LOGGER,
  parseMessage,
  SESSION_VALIDATOR,
  SETTINGS,
  type KafkaPort,
  type Logger,
  type SessionValidator,
  type Settings,
} from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { Server, type Namespace } from 'socket.io';
import { AlertLiveService } from '../alerts/alert-live.service';
import { ItemSearchService } from '../items/item-search.service';

type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
interface LiveSocketData {
  user: SessionUser;
  token: string;
}
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
  private recheckTimer?: NodeJS.Timeout;
  private stopListening?: () => void;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly items: ItemSearchService,
    private readonly alertStream: AlertLiveService,
    @Inject(SESSION_VALIDATOR) private readonly sessions: SessionValidator,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.io = new Server(this.adapterHost.httpAdapter.getHttpServer(), { serveClient: false });
    this.namespace = this.io.of(LIVE_NAMESPACE) as LiveNamespace;
    this.namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== 'string') return next(new Error('unauthorized'));
      this.sessions.validate(token).then(
        (check) => {
          if (!check.ok) return next(new Error('unauthorized'));
          socket.data.user = check.user;
          socket.data.token = token;
          next();
        },
        (error: unknown) => {
          this.logger.warn({ err: error }, 'socket handshake: session check failed');
          next(new Error('unavailable'));
        },
      );
    });
    // R-SEC-3: open sockets end with their session, checked on a timer and at once when this
    // instance revokes a session or changes a user.
    this.recheckTimer = setInterval(() => void this.recheck(), this.settings.SOCKET_RECHECK_SECONDS * 1000);
    this.recheckTimer.unref();
    this.stopListening = this.sessions.onChange(({ username }) => void this.recheck(username));
    this.namespace.on('connection', (socket) => {
      // Server events go to a room per action, so only roles that may receive them join it.
      for (const action of new Set(Object.values(SERVER_EVENT_ACTIONS))) {
        if (may(socket.data.user.role, action)) void socket.join(action);
      }
      this.onClientEvent(socket, 'items:recent', (limit, reply) => {
        if (typeof reply !== 'function') return;
        const size = Math.min(200, Math.max(1, Number(limit) || 50));
        this.items.search({ size, facets: 'false' }, { matchRawText: false }).then(
          (result) => reply(result.items),
          (error: unknown) => {
            this.logger.warn({ err: error }, 'items:recent failed');
            reply([]);
          },
        );
      });
      this.followAlerts(socket);
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
   * A case changed (R-CASE-1, R-UI-3): pushed to the sockets of this instance that may read cases.
   * Called after the write succeeded; a dashboard that misses it sees the change on its next read.
   */
  emitCase(kase: Case): void {
    this.namespace?.to(SERVER_EVENT_ACTIONS['cases:updated']).emit('cases:updated', kase);
  }

  /** Live alerts, and the replay after a reconnect (R-ALR-2, R-REL-4), for roles that may read them. */
  private followAlerts(socket: LiveSocket): void {
    const feed = may(socket.data.user.role, SERVER_EVENT_ACTIONS['alerts:new'])
      ? this.alertStream.open((event, alert) => socket.emit(event, alert))
      : undefined;
    if (feed) socket.on('disconnect', () => this.alertStream.close(feed));
    // Registered for every socket, so a role that may not read alerts is told 'forbidden'.
    this.onClientEvent(socket, 'alerts:since', (request, reply) => {
      if (!feed) return;
      const cursor = (request as { cursor?: unknown } | undefined)?.cursor;
      if (cursor !== null && !(typeof cursor === 'number' && Number.isSafeInteger(cursor))) {
        if (typeof reply === 'function') reply({ error: 'cursor: expected an integer or null' });
        return;
      }
      this.alertStream.resume(feed, cursor).then(
        (result) => (typeof reply === 'function' ? reply(result) : undefined),
        (error: unknown) => {
          this.logger.warn({ err: error }, 'alerts:since failed');
          if (typeof reply === 'function') reply({ error: 'unavailable' });
        },
      );
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

  /** Re-validates open sockets (of one user, or all); those whose session ended are told why and closed. */
  private async recheck(username?: string): Promise<void> {
    const sockets = [...(this.namespace?.sockets.values() ?? [])].filter((s) => !username || s.data.user.username === username);
    await Promise.all(
      sockets.map(async (socket) => {
        try {
          const check = await this.sessions.validate(socket.data.token, { touch: false });
          if (check.ok) return;
          socket.emit('session:ended', { reason: check.reason });
          socket.disconnect(true);
        } catch (error) {
          // Elasticsearch briefly away: keep the socket, the next round decides.
          this.logger.warn({ err: error }, 'socket session re-check failed');
        }
      }),
    );
  }

  // Before Nest closes the HTTP server, so open sockets do not hold it open.
  beforeApplicationShutdown(): void {
    clearInterval(this.recheckTimer);
    this.stopListening?.();
    this.io?.disconnectSockets(true);
    this.io?.engine.close();
  }
}
