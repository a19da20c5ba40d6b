// Executes validated control-socket requests against the DeviceHub; returns each request's result.
import type { DeviceHub } from '../devices/deviceHub.ts';
import type { BoxPosting, BusyInfo } from '../posting/boxPosting.ts';
import type { DeviceInfo, ResultOf } from '../protocol/boxMessages.ts';
import type { ClientMessage, ClientMessageType } from '../protocol/clientMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { RequestError } from './errorMapping.ts';
import type { DeviceSerializer } from './deviceSerializer.ts';
import { expandInput } from './inputExpansion.ts';
import { isPostingRequest, runPostingRequest } from './postingRequests.ts';
import type { PushUploads } from './pushUploads.ts';
import type { BoxChatTools } from './boxChatTools.ts';
import { isChatToolsRequest, runChatToolsRequest } from './chatToolsRequests.ts';

export interface ControlContext {
  hub: DeviceHub;
  uploads: PushUploads;
  sleep: (ms: number) => Promise<void>;
  /** Orders the actions aimed at one phone across all clients. */
  serializer: DeviceSerializer;
  /** Scheduled posting, or null when it is off on this box. */
  posting: BoxPosting | null;
  /** Who asks, for job logs (`operator`, `admin`). */
  by: string;
  now: () => number;
  /** Device book, quick replies and needs-attention, or null when the box runs without them. */
  chatTools?: BoxChatTools | null;
}

/** Consoles may watch a phone that runs a posting flow, but their touches would break the flow. */
function refuseIfBusy(ctx: ControlContext, deviceId: string): void {
  const busy = ctx.posting?.busyOf(deviceId) ?? null;
  if (busy) {
    throw new RequestError(ErrorCode.Busy, `phone ${deviceId} is publishing a scheduled post (job ${busy.jobId}); input resumes when it is done`, { jobId: busy.jobId });
  }
}

/** The wire copy of a device (the hub's object is never handed out as is). */
export function wireDevice(device: DeviceInfo, busy: BusyInfo = null): DeviceInfo {
  const { id, serial, model, width, height, source, simulated, state, reason } = device;
  return { id, serial, model, width, height, source, simulated, state, reason, busy };
}

export async function runControlRequest(message: ClientMessage, ctx: ControlContext): Promise<ResultOf<ClientMessageType>> {
  switch (message.type) {
    case 'listDevices':
      return { devices: ctx.hub.list().map((device) => wireDevice(device, ctx.posting?.busyOf(device.id) ?? null)) };
    case 'input': {
      refuseIfBusy(ctx, message.deviceId);
      const control = ctx.hub.control(message.deviceId);
      const steps = expandInput(message.input);
      if (message.input.kind !== 'resetVideo') ctx.chatTools?.operatorTouched(message.deviceId);
      await ctx.serializer.run(message.deviceId, async () => {
        for (const step of steps) {
          if ('waitMs' in step) await ctx.sleep(step.waitMs);
          else await control.input(step.input);
        }
      });
      return {};
    }
    case 'text': {
      refuseIfBusy(ctx, message.deviceId);
      const control = ctx.hub.control(message.deviceId);
      ctx.chatTools?.operatorTouched(message.deviceId);
      await ctx.serializer.run(message.deviceId, () => control.text(message.text));
      return {};
    }
    case 'screenshot': {
      const png = await ctx.hub.control(message.deviceId).screenshot();
      return { mime: 'image/png', base64: Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64') };
    }
    case 'uiDump':
      return { xml: await ctx.hub.control(message.deviceId).uiDump() };
    case 'startApp': {
      refuseIfBusy(ctx, message.deviceId);
      const control = ctx.hub.control(message.deviceId);
      ctx.chatTools?.operatorTouched(message.deviceId);
      await ctx.serializer.run(message.deviceId, () => control.input({ kind: 'startApp', name: message.name }));
      return {};
    }
    case 'pushBegin':
      return ctx.uploads.begin(message);
    case 'pushChunk':
      return ctx.uploads.chunk(message);
    case 'pushCommit':
      return ctx.uploads.commit(message);
    case 'pushAbort':
      return ctx.uploads.abort(message);
    default:
      if (isPostingRequest(message)) {
        if (!ctx.posting) throw new RequestError(ErrorCode.NotFound, 'scheduled posting is off on this box');
        return runPostingRequest(message, { posting: ctx.posting, by: ctx.by, now: ctx.now });
      }
      if (isChatToolsRequest(message)) {
        if (!ctx.chatTools) throw new RequestError(ErrorCode.NotFound, 'chat tools are off on this box');
        return runChatToolsRequest(message, ctx.chatTools);
      }
      // hello and ping are answered by the connection; subscriptions never reach here (media socket only).
      throw new RequestError(ErrorCode.BadRequest, `${message.type} is not a control request`);
  }
}
