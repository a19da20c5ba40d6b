// What the features put on a tile element, flattened into its attributes (`className`, `data-*`) so a tile
// re-renders only when one of them changes.
import type { ConsoleFeature } from '../../shared/feature.ts';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import type { CoreState } from '../../shared/state/coreState.ts';

export function tileDecorationAttributes(features: readonly ConsoleFeature[], state: CoreState, device: WallDevice): Record<string, string> {
  const classNames: string[] = [];
  const attributes: Record<string, string> = {};
  for (const feature of features) {
    const decoration = feature.tile?.decorate?.(state, device);
    if (!decoration) continue;
    classNames.push(...(decoration.classNames ?? []));
    for (const [name, value] of Object.entries(decoration.data ?? {})) attributes[`data-${name}`] = value;
  }
  if (classNames.length > 0) attributes.className = classNames.join(' ');
  return attributes;
}
