// Parses the scrcpy-server command line (`VERSION key=value…`) the way scrcpy 3.3.x's Options does.

export const LogLevel = { verbose: 0, debug: 1, info: 2, warn: 3, error: 4 } as const;
export type LogLevel = keyof typeof LogLevel;

export interface ServerOptions {
  logLevel: LogLevel;
  /** -1 when absent (socket name `scrcpy`). */
  scid: number;
  tunnelForward: boolean;
  video: boolean;
  audio: boolean;
  control: boolean;
  maxSize: number;
  maxFps: number;
  videoBitRate: number;
  videoCodec: string;
  sendDeviceMeta: boolean;
  sendCodecMeta: boolean;
  sendFrameMeta: boolean;
  sendDummyByte: boolean;
  clipboardAutosync: boolean;
  cleanup: boolean;
  powerOn: boolean;
  stayAwake: boolean;
  listEncoders: boolean;
  listDisplays: boolean;
}

export const DefaultServerOptions: ServerOptions = {
  logLevel: 'info',
  scid: -1,
  tunnelForward: false,
  video: true,
  audio: true,
  control: true,
  maxSize: 0,
  maxFps: 0,
  videoBitRate: 8_000_000,
  videoCodec: 'h264',
  sendDeviceMeta: true,
  sendCodecMeta: true,
  sendFrameMeta: true,
  sendDummyByte: true,
  clipboardAutosync: true,
  cleanup: true,
  powerOn: true,
  stayAwake: false,
  listEncoders: false,
  listDisplays: false,
};

export type ParsedServerArgs =
  | { ok: true; options: ServerOptions; warnings: string[] }
  | { ok: false; error: string };

type BooleanKey = { [K in keyof ServerOptions]: ServerOptions[K] extends boolean ? K : never }[keyof ServerOptions];

const booleanKeys: Record<string, BooleanKey> = {
  tunnel_forward: 'tunnelForward',
  video: 'video',
  audio: 'audio',
  control: 'control',
  send_device_meta: 'sendDeviceMeta',
  send_codec_meta: 'sendCodecMeta',
  send_frame_meta: 'sendFrameMeta',
  send_dummy_byte: 'sendDummyByte',
  clipboard_autosync: 'clipboardAutosync',
  cleanup: 'cleanup',
  power_on: 'powerOn',
  stay_awake: 'stayAwake',
  list_encoders: 'listEncoders',
  list_displays: 'listDisplays',
};

/** Keys a real server knows that the simulated one accepts without acting on them. */
const acceptedKeys = new Set([
  'crop', 'display_id', 'show_touches', 'power_off_on_close', 'downsize_on_error', 'video_codec_options',
  'video_encoder', 'audio_codec', 'audio_bit_rate', 'audio_codec_options', 'audio_encoder', 'audio_source',
  'audio_dup', 'video_source', 'camera_id', 'camera_size', 'camera_facing', 'camera_ar', 'camera_fps',
  'camera_high_speed', 'list_cameras', 'list_camera_sizes', 'list_apps', 'capture_orientation', 'angle',
  'screen_off_timeout', 'new_display', 'vd_system_decorations', 'vd_destroy_content', 'display_ime_policy',
  'raw_stream', 'lock_video_orientation',
]);

const supportedCodecs = new Set(['h264']);
const knownCodecs = new Set(['h264', 'h265', 'av1']);

function parseInteger(key: string, value: string, radix = 10): number {
  const pattern = radix === 16 ? /^-?[0-9a-fA-F]+$/ : /^-?[0-9]+$/;
  const parsed = Number.parseInt(value, radix);
  if (!pattern.test(value) || !Number.isSafeInteger(parsed) || parsed > 0x7fffffff || parsed < -0x80000000) {
    throw new Error(`For input string: "${value}" (${key})`);
  }
  return parsed;
}

/** Parses args after `com.genymobile.scrcpy.Server`; `serverVersion` is what this server claims to be. */
export function parseServerArgs(args: readonly string[], serverVersion: string): ParsedServerArgs {
  const [clientVersion, ...pairs] = args;
  if (clientVersion === undefined) return { ok: false, error: 'Missing client version' };
  if (clientVersion !== serverVersion) {
    return { ok: false, error: `The server version (${serverVersion}) does not match the client (${clientVersion})` };
  }
  const options: ServerOptions = { ...DefaultServerOptions };
  const warnings: string[] = [];
  try {
    for (const pair of pairs) {
      const equals = pair.indexOf('=');
      if (equals <= 0) throw new Error(`Invalid key=value pair: "${pair}"`);
      const key = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      const booleanKey = booleanKeys[key];
      if (booleanKey) {
        // Like Java's Boolean.parseBoolean: anything but "true" is false.
        options[booleanKey] = value.toLowerCase() === 'true';
        continue;
      }
      switch (key) {
        case 'log_level': {
          const level = value.toLowerCase();
          if (!(level in LogLevel)) throw new Error(`No enum constant for log level ${value}`);
          options.logLevel = level as LogLevel;
          break;
        }
        case 'scid': {
          const scid = parseInteger(key, value, 16);
          if (scid < -1) throw new Error(`scid may not be negative (except -1 for 'none'): ${scid}`);
          options.scid = scid;
          break;
        }
        case 'max_size':
          options.maxSize = parseInteger(key, value) & ~7;
          if (options.maxSize < 0) throw new Error(`max_size may not be negative: ${value}`);
          break;
        case 'max_fps': {
          const fps = Number(value);
          if (!Number.isFinite(fps) || fps < 0 || value.trim() === '') throw new Error(`Invalid max_fps: ${value}`);
          options.maxFps = fps;
          break;
        }
        case 'video_bit_rate': {
          const rate = parseInteger(key, value);
          if (rate <= 0) throw new Error(`Invalid video_bit_rate: ${value}`);
          options.videoBitRate = rate;
          break;
        }
        case 'video_codec':
          if (!knownCodecs.has(value)) throw new Error(`Video codec ${value} not supported`);
          options.videoCodec = value;
          break;
        default:
          if (!acceptedKeys.has(key)) warnings.push(`Unknown server option: ${key}`);
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (options.video && !supportedCodecs.has(options.videoCodec)) {
    return { ok: false, error: `Could not find a ${options.videoCodec} video encoder on this device` };
  }
  return { ok: true, options, warnings };
}

/** `scrcpy_%08x`, or `scrcpy` without scid. */
export function socketNameFor(scid: number): string {
  return scid === -1 ? 'scrcpy' : `scrcpy_${scid.toString(16).padStart(8, '0')}`;
}
