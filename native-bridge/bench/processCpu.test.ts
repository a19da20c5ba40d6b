// CPU sampling from /proc finds this process's ffmpeg children and their CPU time.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { locateFfmpeg } from '../simphone/encoder/ffmpegLocator.ts';
import { cpuBetween, sampleCpu } from './processCpu.ts';

describe('sampleCpu', () => {
  it('counts the CPU of a busy ffmpeg child', async () => {
    const child = spawn(locateFfmpeg(), ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=30', '-t', '30', '-c:v', 'libx264', '-preset', 'medium', '-f', 'null', '-'], { stdio: 'ignore' });
    try {
      const deadline = Date.now() + 20_000;
      // right after fork the child is still named node; it becomes ffmpeg at exec
      let before = sampleCpu();
      while (!before.children.has(child.pid!) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        before = sampleCpu();
      }
      expect(before.children.has(child.pid!)).toBe(true);
      let used = 0;
      while (used <= 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        used = cpuBetween(before, sampleCpu()).children;
      }
      expect(used).toBeGreaterThan(0);
      expect(before.self).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('close', resolve));
    }
  });
});
