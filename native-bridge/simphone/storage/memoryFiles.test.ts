// The in-memory phone storage: default folders, writes with parents, listing, removal, path normalisation.
import { expect, test } from 'vitest';
import { FileMode, MemoryFiles, splitPath } from './memoryFiles.ts';

test('the folders a phone always has exist', () => {
  const files = new MemoryFiles(() => 1_700_000_000_000);
  for (const folder of ['/sdcard/DCIM/Camera', '/sdcard/Pictures', '/data/local/tmp']) {
    expect((files.stat(folder)?.mode ?? 0) & FileMode.TypeMask).toBe(FileMode.Directory);
  }
});

test('write creates parents, keeps a copy, and stat/list/read agree', () => {
  const files = new MemoryFiles(() => 1_700_000_000_000);
  const bytes = Uint8Array.of(1, 2, 3);
  files.write('/sdcard/new/deep/a.bin', bytes, 0o100644, 1234);
  bytes[0] = 9;
  expect([...files.read('/sdcard/new/deep/a.bin')!]).toEqual([1, 2, 3]);
  expect(files.stat('/sdcard/new/deep/a.bin')).toEqual({ mode: 0o100644, size: 3, mtime: 1234 });
  expect(files.list('/sdcard/new/deep')!.map((entry) => entry.name)).toEqual(['a.bin']);
  expect(files.list('/sdcard/new/deep/a.bin')).toBeNull();
  expect(() => files.write('/sdcard/new', Uint8Array.of(1))).toThrow('Is a directory');
});

test('remove needs recursive for a non-empty folder; mkdir respects parents', () => {
  const files = new MemoryFiles();
  files.write('/sdcard/x/y.txt', Uint8Array.of(1));
  expect(files.remove('/sdcard/x')).toBe(false);
  expect(files.remove('/sdcard/x', true)).toBe(true);
  expect(files.stat('/sdcard/x')).toBeNull();
  expect(files.mkdir('/sdcard/a/b')).toBe(false);
  expect(files.mkdir('/sdcard/a/b', true)).toBe(true);
  expect(files.mkdir('/sdcard/a/b')).toBe(false);
  expect(files.remove('/')).toBe(false);
});

test('paths are normalised and Android storage aliases lead to /sdcard', () => {
  expect(splitPath('/storage/emulated/0/DCIM//Camera/./x/../a.png')).toEqual(['sdcard', 'DCIM', 'Camera', 'a.png']);
  expect(splitPath('relative/path')).toBeNull();
  const files = new MemoryFiles();
  files.write('/storage/emulated/0/Pictures/p.png', Uint8Array.of(5));
  expect(files.read('/sdcard/Pictures/p.png')).not.toBeNull();
});
