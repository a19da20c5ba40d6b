// Operator preferences from storage, overridden by the URL, junk ignored.
import { describe, expect, it } from 'vitest';
import { parsePreferences } from './preferences.ts';

describe('preferences', () => {
  it('reads preferences from storage, lets the URL override, and ignores junk', () => {
    expect(parsePreferences('{"theme":"dark","language":"en","tileWidth":9999}', '')).toEqual({ theme: 'dark', language: 'en', tileWidth: 420 });
    expect(parsePreferences('{"theme":"dark"}', '?theme=light&lang=en')).toEqual({ theme: 'light', language: 'en' });
    expect(parsePreferences('not json', '?theme=<script>')).toEqual({});
  });
});
