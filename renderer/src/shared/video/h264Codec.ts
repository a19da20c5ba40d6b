// Reads the WebCodecs codec string (avc1.PPCCLL) from an Annex-B SPS; the decoder is configured without a
// `description`, which makes it expect Annex-B with in-band SPS/PPS.

/** Offsets of NAL unit payloads (after the start code) in an Annex-B buffer. */
export function annexBNalUnits(data: Uint8Array): Uint8Array[] {
  const units: Uint8Array[] = [];
  let start = -1;
  let i = 0;
  while (i + 2 < data.length) {
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      if (start >= 0) units.push(trimTrailingZeros(data.subarray(start, i)));
      i += 3;
      start = i;
    } else {
      i++;
    }
  }
  if (start >= 0 && start < data.length) units.push(data.subarray(start));
  return units;
}

function trimTrailingZeros(unit: Uint8Array): Uint8Array {
  let end = unit.length;
  while (end > 0 && unit[end - 1] === 0) end--;
  return unit.subarray(0, end);
}

const hex = (value: number) => value.toString(16).padStart(2, '0').toUpperCase();

/** `avc1.PPCCLL` from the first SPS (NAL type 7); a Baseline 3.1 fallback keeps odd encoders decodable. */
export function h264CodecString(config: Uint8Array): string {
  for (const unit of annexBNalUnits(config)) {
    if (unit.length >= 4 && ((unit[0] ?? 0) & 0x1f) === 7) return `avc1.${hex(unit[1] ?? 0)}${hex(unit[2] ?? 0)}${hex(unit[3] ?? 0)}`;
  }
  return 'avc1.42E01F';
}
