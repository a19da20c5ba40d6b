// Splits an Annex-B H.264 byte stream into access units (one decodable picture each).
// The end of an access unit is only known when the next one starts, so the last one needs `flush()`.

export const NalType = { Slice: 1, Idr: 5, Sei: 6, Sps: 7, Pps: 8, Aud: 9 } as const;

export interface AccessUnit {
  /** Annex-B bytes of every NAL unit of the access unit, start codes included. */
  data: Uint8Array;
  nalTypes: number[];
  keyframe: boolean;
}

/** Offsets of each 3- or 4-byte start code's first byte and of the NAL header after it. */
function findStartCodes(data: Uint8Array, from: number): { start: number; nal: number }[] {
  const found: { start: number; nal: number }[] = [];
  for (let i = from; i + 2 < data.length; i += 1) {
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      const start = i > 0 && data[i - 1] === 0 ? i - 1 : i;
      found.push({ start, nal: i + 3 });
      i += 2;
    }
  }
  return found;
}

function isVcl(type: number): boolean {
  return type === NalType.Slice || type === NalType.Idr;
}

/** first_mb_in_slice is the slice header's first ue(v): it is 0 exactly when the first bit is 1. */
function startsPicture(nal: Uint8Array): boolean {
  return nal.length > 1 && (nal[1]! & 0x80) !== 0;
}

export class AccessUnitSplitter {
  #buffer: Uint8Array = new Uint8Array(0);
  #current: Uint8Array[] = [];
  #types: number[] = [];
  #hasVcl = false;

  /** Feeds bytes; returns the access units known to be complete. */
  push(chunk: Uint8Array): AccessUnit[] {
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer, 0);
    joined.set(chunk, this.#buffer.length);
    const codes = findStartCodes(joined, 0);
    const units: AccessUnit[] = [];
    // Every NAL except the last one is complete (it ends where the next start code begins).
    for (let i = 0; i + 1 < codes.length; i += 1) {
      const unit = this.#addNal(joined.subarray(codes[i]!.start, codes[i + 1]!.start), codes[i]!.nal - codes[i]!.start);
      if (unit) units.push(unit);
    }
    const last = codes[codes.length - 1];
    this.#buffer = last ? joined.slice(last.start) : joined.slice(Math.max(0, joined.length - 3));
    return units;
  }

  /** Ends the stream: returns the last access unit, if any. */
  flush(): AccessUnit | null {
    const codes = findStartCodes(this.#buffer, 0);
    const last = codes[0];
    if (last) this.#addNal(this.#buffer.subarray(last.start), last.nal - last.start);
    this.#buffer = new Uint8Array(0);
    return this.#emit();
  }

  #addNal(withStartCode: Uint8Array, headerOffset: number): AccessUnit | null {
    const nal = withStartCode.subarray(headerOffset);
    if (nal.length === 0) return null;
    const type = nal[0]! & 0x1f;
    let finished: AccessUnit | null = null;
    const beginsNew = this.#hasVcl && (isVcl(type) ? startsPicture(nal) : type === NalType.Aud || type === NalType.Sei || type === NalType.Sps || type === NalType.Pps || (type >= 14 && type <= 18));
    if (beginsNew) finished = this.#emit();
    this.#current.push(withStartCode.slice());
    this.#types.push(type);
    if (isVcl(type)) this.#hasVcl = true;
    return finished;
  }

  #emit(): AccessUnit | null {
    if (this.#current.length === 0) return null;
    const size = this.#current.reduce((sum, part) => sum + part.length, 0);
    const data = new Uint8Array(size);
    let offset = 0;
    for (const part of this.#current) {
      data.set(part, offset);
      offset += part.length;
    }
    const unit = { data, nalTypes: this.#types, keyframe: this.#types.includes(NalType.Idr) };
    this.#current = [];
    this.#types = [];
    this.#hasVcl = false;
    return unit;
  }
}
