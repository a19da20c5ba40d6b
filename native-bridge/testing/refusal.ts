// Test helper: the refusal a call throws, as the wire would carry it (fails the test when the call goes through).
import { BoxError, toProtocolError } from '../base/boxError.ts';
import type { ProtocolError } from '../protocol/errorCodes.ts';

export function refusalOf(run: () => unknown): ProtocolError {
  try {
    run();
  } catch (error) {
    if (error instanceof BoxError) return toProtocolError(error);
    throw error;
  }
  throw new Error('expected the call to be refused');
}
