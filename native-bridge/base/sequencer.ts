// One ordered lane per key: tasks for the same key run one after another in the order they were queued, tasks for
// different keys run side by side. The box keeps one lane per phone, so taps, keys and text land in arrival order.

export class SequencerByKey<K = string> {
  private readonly tails = new Map<K, Promise<unknown>>();

  /** Starts `task` once every earlier task of `key` has settled; a failure does not block the tasks after it. */
  queue<T>(key: K, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    // An idle lane starts at once: no extra turn of the event loop on the input path.
    const result = previous ? previous.then(task, task) : start(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running. */
  get busyKeys(): number {
    return this.tails.size;
  }
}

function start<T>(task: () => Promise<T>): Promise<T> {
  try {
    return task();
  } catch (error) {
    return Promise.reject(error);
  }
}
