import { describe, expect, it } from 'vitest';
import { formatBoxReady, parseBoxReady } from './boxReady.ts';

const ready = { type: 'boxReady', url: 'http://127.0.0.1:7100', adminTokenPath: 'C:\\Users\\op\\admin.token', protocolVersion: 1, box: { name: 'phonewall-box', version: '0.1.0' } } as const;

describe('boxReady line', () => {
  it('round-trips through one printed line and ignores every other line', () => {
    const line = formatBoxReady(ready);
    expect(line).not.toContain('\n');
    expect(parseBoxReady(`${line}\r`)).toEqual(ready);
    for (const other of ['PhoneWall box listening on http://127.0.0.1:7100', 'admin token: /x', '{"type":"boxReady"', '{"type":"boxReady","url":"nope"}', JSON.stringify({ ...ready, extra: 1 })]) {
      expect(parseBoxReady(other)).toBeNull();
    }
  });
});
