// One typed event source for the box: `on` returns the unsubscribe function, and a listener that throws is reported
// without keeping the event from the other listeners.
import { createNanoEvents } from 'nanoevents';

export class EventSource<Args extends unknown[]> {
  readonly #emitter = createNanoEvents<{ event: (...args: Args) => void }>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = (error) => console.error('event listener failed:', error)) {
    this.#onListenerError = onListenerError;
  }

  on(listener: (...args: Args) => void): () => void {
    return this.#emitter.on('event', (...args: Args) => {
      try {
        listener(...args);
      } catch (error) {
        this.#onListenerError(error);
      }
    });
  }

  emit(...args: Args): void {
    this.#emitter.emit('event', ...args);
  }

  /** Forgets every listener (the source is shutting down). */
  clear(): void {
    this.#emitter.events = {};
  }

  get listenerCount(): number {
    return this.#emitter.events.event?.length ?? 0;
  }
}
