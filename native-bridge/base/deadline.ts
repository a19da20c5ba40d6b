// Bounds a step that talks to a phone: a half-open connection must not stall a device's reconnect loop forever.

/**
 * Resolves or rejects like `promise`, or rejects after `ms`. A value that arrives after the deadline is handed
 * to `discard` (close the late connection) so nothing leaks.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, expired: string | (() => Error), discard?: (late: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(typeof expired === 'string' ? new Error(expired) : expired());
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (late) discard?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!late) reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
