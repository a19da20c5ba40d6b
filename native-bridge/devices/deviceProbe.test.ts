import { describe, expect, it } from 'vitest';
import { deviceIdFromSerial, parseWmSize } from './deviceProbe.ts';

describe('parseWmSize', () => {
  it('reads the physical size and prefers an override', () => {
    expect(parseWmSize('Physical size: 1080x2400\n')).toEqual({ width: 1080, height: 2400 });
    expect(parseWmSize('Physical size: 1080x2400\nOverride size: 720x1600\n')).toEqual({ width: 720, height: 1600 });
    expect(parseWmSize('/system/bin/sh: wm: not found')).toBeNull();
    expect(parseWmSize('Physical size: 0x0')).toBeNull();
  });
});

describe('deviceIdFromSerial', () => {
  it('keeps ordinary serials and neutralises odd characters', () => {
    expect(deviceIdFromSerial('R58M12ABCDE')).toBe('R58M12ABCDE');
    expect(deviceIdFromSerial('127.0.0.1:40001')).toBe('127.0.0.1:40001');
    expect(deviceIdFromSerial('a/b c<script>')).toBe('a_b_c_script_');
    expect(deviceIdFromSerial('  ')).toBe('unknown');
  });
});
