import { NOOP_LOGGER, type Logger } from "../logging/logger.js";

/**
 * InstrumentationEvent is what a listener receives: KafkaJS's shape. `id` increases per emitter,
 * `timestamp` is wall-clock ms, `type` is the event name (e.g. "producer.network.request").
 */
export interface InstrumentationEvent<Payload> {
  readonly id: number;
  readonly type: string;
  readonly timestamp: number;
  readonly payload: Payload;
}

/** InstrumentationListener handles one event type; it may be async. */
export type InstrumentationListener<Payload> = (event: InstrumentationEvent<Payload>) => void | Promise<void>;

/** RemoveInstrumentationEventListener unsubscribes the listener `on` registered. */
export type RemoveInstrumentationEventListener = () => void;

/**
 * InstrumentationEmitter delivers typed events to listeners. `Events` maps each event name to its
 * payload type. Listeners are isolated from the emitter: one that throws or rejects is logged and
 * never changes what the producer or admin client does.
 */
export class InstrumentationEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<InstrumentationListener<never>>>();
  private readonly logger: Logger;
  private nextId = 0;

  constructor(logger: Logger = NOOP_LOGGER) {
    this.logger = logger;
  }

  /** on subscribes `listener` to `type` and returns the function that unsubscribes it. */
  on<K extends keyof Events & string>(type: K, listener: InstrumentationListener<Events[K]>): RemoveInstrumentationEventListener {
    let set = this.listeners.get(type);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(type, set);
    }
    const entry = listener as InstrumentationListener<never>;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  /** hasListeners tells whether anyone listens to `type`, so costly payloads can be skipped. */
  hasListeners(type: keyof Events): boolean {
    return (this.listeners.get(type)?.size ?? 0) > 0;
  }

  /** emit delivers `payload` to the listeners of `type`. */
  emit<K extends keyof Events & string>(type: K, payload: Events[K]): void {
    const set = this.listeners.get(type);
    if (set === undefined || set.size === 0) return;
    const event: InstrumentationEvent<Events[K]> = { id: this.nextId++, type, timestamp: Date.now(), payload };
    for (const listener of [...set]) {
      try {
        const result = (listener as InstrumentationListener<Events[K]>)(event);
        if (result instanceof Promise) result.catch((error: unknown) => this.logListenerError(type, error));
      } catch (error) {
        this.logListenerError(type, error);
      }
    }
  }

  private logListenerError(type: string, error: unknown): void {
    this.logger.error("an instrumentation listener failed", { event: type, error });
  }
}
