// A phone's live screen on a canvas: subscribes while visible, decodes, draws the newest frame per animation
// frame, and turns mouse input into touches, scrolls and buttons mapped to the decoded frame size, sent through
// the PhoneInput port (which repeats them on synced followers when group control is there).
import { useEffect, useRef } from 'react';
import type { Input, StreamProfile } from '../../../../native-bridge/protocol/controlInput.ts';
import { clientToFrame } from '../../shared/input/coordinateMapping.ts';
import { mouseButtonAction } from '../../shared/input/keyMapping.ts';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { drawFrameContained, fitCanvas } from '../../shared/video/drawFrame.ts';
import { TileDecoder } from '../../shared/video/tileDecoder.ts';
import { useServices } from '../../shared/services.ts';

interface PhoneScreenProps {
  device: WallDevice;
  profile: StreamProfile;
  live: boolean;
  /** Only the phone being worked takes the wheel; elsewhere the wheel scrolls the wall. */
  wheelToPhone: boolean;
  onPointerTaken?(): void;
  className?: string;
}

export function PhoneScreen({ device, profile, live, wheelToPhone, onPointerTaken, className }: PhoneScreenProps) {
  const { links, scheduler, stats, phoneInput } = useServices();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const decoderRef = useRef<TileDecoder | null>(null);
  const activePointer = useRef<number | null>(null);
  const { boxId, id: deviceId } = device;

  useEffect(() => {
    const canvas = canvasRef.current;
    const connection = links.get(boxId);
    if (!canvas || !connection || !live) return;
    let dirty = true;
    const decoder = new TileDecoder({
      needKeyFrame: () => connection.requestKeyFrame(deviceId, profile),
      frameReady: () => scheduler.wake(),
    });
    decoderRef.current = decoder;
    const context = canvas.getContext('2d', { alpha: false });
    const removeTarget = scheduler.add({
      draw: () => {
        const { frame, fresh } = decoder.current();
        if (!frame || !context || !(fresh || dirty)) return false;
        if (!fitCanvas(canvas, window.devicePixelRatio || 1)) return false;
        drawFrameContained(context, frame, canvas.width, canvas.height);
        if (fresh && stats) stats.recordDraw(`${boxId}/${deviceId}/${profile}`, decoder.latestArrivedAt === null ? null : performance.now() - decoder.latestArrivedAt);
        dirty = false;
        return true;
      },
    });
    let unsubscribe: (() => void) | null = null;
    const listener = { onFrame: (frame: Parameters<TileDecoder['push']>[0]) => decoder.push(frame), onEnded: () => decoder.pause() };
    const visibility = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((entry) => entry.isIntersecting);
        if (visible && !unsubscribe) unsubscribe = connection.subscribe(deviceId, profile, listener);
        if (!visible && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          decoder.pause();
        }
      },
      { rootMargin: '120px' },
    );
    visibility.observe(canvas);
    const resize = new ResizeObserver(() => {
      dirty = true;
      scheduler.wake();
    });
    resize.observe(canvas);
    return () => {
      visibility.disconnect();
      resize.disconnect();
      unsubscribe?.();
      removeTarget();
      decoder.close();
      decoderRef.current = null;
    };
  }, [links, scheduler, stats, boxId, deviceId, profile, live]);

  const toFrame = (event: { clientX: number; clientY: number }, clamp: boolean) => {
    const canvas = canvasRef.current;
    const decoder = decoderRef.current;
    if (!canvas || !decoder || decoder.frameWidth === 0) return null;
    const rect = canvas.getBoundingClientRect();
    return clientToFrame({ left: rect.left, top: rect.top, width: rect.width, height: rect.height }, decoder.frameWidth, decoder.frameHeight, event.clientX, event.clientY, clamp);
  };

  const send = (input: Input) => {
    phoneInput.input(device, input).catch(() => undefined);
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    onPointerTaken?.();
    const action = mouseButtonAction(event.button);
    if (action === 'back' || action === 'home') {
      event.preventDefault();
      send({ kind: action });
      return;
    }
    if (action !== 'touch' || activePointer.current !== null) return;
    const point = toFrame(event, false);
    if (!point) return;
    event.preventDefault();
    activePointer.current = event.pointerId;
    event.currentTarget.setPointerCapture(event.pointerId);
    send({ kind: 'touch', action: 'down', pointerId: 0, ...point });
  };

  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (activePointer.current !== event.pointerId) return;
    const point = toFrame(event, true);
    if (point) send({ kind: 'touch', action: 'move', pointerId: 0, ...point });
  };

  const onPointerEnd = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (activePointer.current !== event.pointerId) return;
    activePointer.current = null;
    const point = toFrame(event, true);
    if (point) send({ kind: 'touch', action: event.type === 'pointercancel' ? 'cancel' : 'up', pointerId: 0, ...point });
  };

  const sendRef = useRef(send);
  sendRef.current = send;
  const toFrameRef = useRef(toFrame);
  toFrameRef.current = toFrame;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !wheelToPhone) return;
    // A wheel notch is ~100 px of deltaY; Android scrolls content up for a positive vscroll.
    const notches = (delta: number) => Math.max(-16, Math.min(16, Math.round((-delta / 100) * 4) / 4));
    const onWheel = (event: WheelEvent) => {
      const point = toFrameRef.current(event, false);
      if (!point) return;
      event.preventDefault();
      const dy = notches(event.deltaY);
      const dx = notches(event.deltaX);
      if (dx !== 0 || dy !== 0) sendRef.current({ kind: 'scroll', ...point, dx, dy });
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [wheelToPhone]);

  return (
    <canvas
      ref={canvasRef}
      className={className}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onContextMenu={(event) => event.preventDefault()}
      onAuxClick={(event) => event.preventDefault()}
    />
  );
}
