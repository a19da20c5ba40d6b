// Runs the actions aimed at one phone one after another (text, then Enter, must land in that order).

export class DeviceSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Starts `task` once every earlier task for the same device has settled; failures do not block later ones. */
  run<T>(deviceId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(deviceId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(deviceId, tail);
    void tail.then(() => {
      if (this.tails.get(deviceId) === tail) this.tails.delete(deviceId);
    });
    return result;
  }
}
