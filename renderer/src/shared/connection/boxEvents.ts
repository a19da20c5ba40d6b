// The events of one box's control socket, handed to whoever listens for their type (device, job, chat-desk, …).
import type { BoxEvent, BoxEventOf, BoxEventType } from '../../../../native-bridge/protocol/boxMessages.ts';

type Handler = (event: BoxEvent) => void;

export class BoxEvents {
  private readonly handlers = new Map<BoxEventType, Set<Handler>>();

  on<T extends BoxEventType>(type: T, handler: (event: BoxEventOf<T>) => void): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
    }
    // Only events of `type` reach this set (see emit), so the handler sees the shape it asked for.
    const held = handler as Handler;
    set.add(held);
    return () => set.delete(held);
  }

  emit(event: BoxEvent): void {
    for (const handler of this.handlers.get(event.type) ?? []) handler(event);
  }
}
