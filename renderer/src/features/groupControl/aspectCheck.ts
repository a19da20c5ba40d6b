// The aspect-ratio rule for group control: phones whose screens differ by more than ~2 % get a warning first.

/** Relative difference between the narrowest and widest screen shape that still maps positions well. */
export const aspectTolerance = 0.02;

export interface ScreenSize {
  width: number;
  height: number;
}

/** Width / height in portrait terms, so a rotated phone of the same model is not a different shape. */
export function portraitAspect(size: ScreenSize): number | null {
  if (size.width <= 0 || size.height <= 0) return null;
  return Math.min(size.width, size.height) / Math.max(size.width, size.height);
}

export interface AspectReport {
  /** True when a warning is due: shapes differ by more than the tolerance. */
  differs: boolean;
  /** (widest − narrowest) / narrowest, e.g. 0.025 for 2.5 %. */
  spread: number;
}

export function checkAspects(sizes: readonly ScreenSize[], tolerance: number = aspectTolerance): AspectReport {
  const aspects = sizes.map(portraitAspect).filter((aspect): aspect is number => aspect !== null);
  if (aspects.length < 2) return { differs: false, spread: 0 };
  const min = Math.min(...aspects);
  const max = Math.max(...aspects);
  const spread = (max - min) / min;
  return { differs: spread > tolerance, spread };
}
