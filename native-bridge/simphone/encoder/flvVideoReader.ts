// Reads ffmpeg's FLV output and yields H.264 access units as Annex-B, one per encoder packet.
// FLV is used as framing only: its tag sizes mark where each access unit ends, which raw Annex-B
// cannot tell until the next frame starts (and frames are only produced when the screen changes).

const StartCode = new Uint8Array([0, 0, 0, 1]);
const FlvHeaderSize = 9;
const TagHeaderSize = 11;
const FlvTagVideo = 9;
const AvcCodecId = 7;
/** Larger tags are not plausible for our resolutions; treated as a corrupt stream. */
const MaxTagSize = 16 * 1024 * 1024;

export type EncodedUnit =
  | { type: 'config'; data: Uint8Array }
  | { type: 'frame'; keyframe: boolean; data: Uint8Array };

export class FlvFormatError extends Error {}

/** Joins NAL units into one Annex-B buffer (4-byte start codes). */
export function toAnnexB(nalUnits: Uint8Array[]): Uint8Array {
  const total = nalUnits.reduce((sum, nal) => sum + StartCode.length + nal.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const nal of nalUnits) {
    out.set(StartCode, offset);
    out.set(nal, offset + StartCode.length);
    offset += StartCode.length + nal.length;
  }
  return out;
}

/** Parses an AVCDecoderConfigurationRecord into its SPS and PPS NAL units and the NAL length size. */
export function parseAvcDecoderConfig(record: Uint8Array): { sps: Uint8Array[]; pps: Uint8Array[]; lengthSize: number } {
  if (record.length < 7 || record[0] !== 1) throw new FlvFormatError('bad AVCDecoderConfigurationRecord');
  const lengthSize = (record[4]! & 0x03) + 1;
  let offset = 6;
  const readList = (count: number): Uint8Array[] => {
    const list: Uint8Array[] = [];
    for (let i = 0; i < count; i += 1) {
      if (offset + 2 > record.length) throw new FlvFormatError('truncated parameter set');
      const size = (record[offset]! << 8) | record[offset + 1]!;
      offset += 2;
      if (offset + size > record.length) throw new FlvFormatError('truncated parameter set');
      list.push(record.subarray(offset, offset + size));
      offset += size;
    }
    return list;
  };
  const sps = readList(record[5]! & 0x1f);
  if (offset >= record.length) throw new FlvFormatError('missing PPS count');
  const ppsCount = record[offset]!;
  offset += 1;
  const pps = readList(ppsCount);
  return { sps, pps, lengthSize };
}

/** Splits length-prefixed (AVCC) NAL units. */
export function splitLengthPrefixed(data: Uint8Array, lengthSize: number): Uint8Array[] {
  const nalUnits: Uint8Array[] = [];
  let offset = 0;
  while (offset < data.length) {
    if (offset + lengthSize > data.length) throw new FlvFormatError('truncated NAL length');
    let size = 0;
    for (let i = 0; i < lengthSize; i += 1) size = size * 256 + data[offset + i]!;
    offset += lengthSize;
    if (offset + size > data.length) throw new FlvFormatError('truncated NAL unit');
    nalUnits.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return nalUnits;
}

/** Incremental FLV reader: push bytes as they arrive, get every complete video unit back. */
export class FlvVideoReader {
  #buffer: Uint8Array = new Uint8Array(0);
  #headerDone = false;
  #lengthSize = 4;

  push(chunk: Uint8Array): EncodedUnit[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : concat(this.#buffer, chunk);
    const units: EncodedUnit[] = [];
    let offset = 0;
    if (!this.#headerDone) {
      if (this.#buffer.length < FlvHeaderSize + 4) return units;
      if (this.#buffer[0] !== 0x46 || this.#buffer[1] !== 0x4c || this.#buffer[2] !== 0x56) {
        throw new FlvFormatError('not an FLV stream');
      }
      offset = readU32(this.#buffer, 5) + 4;
      this.#headerDone = true;
    }
    while (this.#buffer.length - offset >= TagHeaderSize) {
      const tagType = this.#buffer[offset]! & 0x1f;
      const size = (this.#buffer[offset + 1]! << 16) | (this.#buffer[offset + 2]! << 8) | this.#buffer[offset + 3]!;
      if (size > MaxTagSize) throw new FlvFormatError(`FLV tag of ${size} bytes`);
      const end = offset + TagHeaderSize + size + 4;
      if (this.#buffer.length < end) break;
      if (tagType === FlvTagVideo) {
        const unit = this.#readVideoTag(this.#buffer.subarray(offset + TagHeaderSize, offset + TagHeaderSize + size));
        if (unit) units.push(unit);
      }
      offset = end;
    }
    // Copy the remainder so emitted units never alias a buffer that is reused later.
    this.#buffer = this.#buffer.slice(offset);
    return units;
  }

  #readVideoTag(body: Uint8Array): EncodedUnit | null {
    if (body.length < 5) throw new FlvFormatError('short video tag');
    if ((body[0]! & 0x0f) !== AvcCodecId) throw new FlvFormatError('video tag is not H.264');
    const frameType = body[0]! >> 4;
    const packetType = body[1]!;
    const payload = body.subarray(5);
    if (packetType === 0) {
      const { sps, pps, lengthSize } = parseAvcDecoderConfig(payload);
      this.#lengthSize = lengthSize;
      return { type: 'config', data: toAnnexB([...sps, ...pps]) };
    }
    if (packetType !== 1) return null;
    const nalUnits = splitLengthPrefixed(payload, this.#lengthSize);
    if (nalUnits.length === 0) return null;
    return { type: 'frame', keyframe: frameType === 1, data: toAnnexB(nalUnits) };
  }
}

function readU32(data: Uint8Array, offset: number): number {
  return ((data[offset]! << 24) >>> 0) + (data[offset + 1]! << 16) + (data[offset + 2]! << 8) + data[offset + 3]!;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
