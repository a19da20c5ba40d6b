// Renders what every feature contributes to one slot, in feature order: the wall and the shell place slots and
// never name a feature.
import type { ComponentType } from 'react';
import type { ConsoleFeature, DeviceProps } from '../feature.ts';
import { useServices } from '../services.ts';

type ComponentSlot = 'controlBar' | 'wallTools' | 'wallHosts';

export function FeatureSlot({ slot }: { slot: ComponentSlot }) {
  const { features } = useServices();
  return <>{features.flatMap((feature) => (feature[slot] ?? []).map((Component, index) => <Component key={`${feature.id}/${index}`} />))}</>;
}

/** Components that take the phone they are about (overlays, name-bar tools), one per feature that has one. */
export function DeviceSlot({ pick, device }: { pick(feature: ConsoleFeature): ComponentType<DeviceProps> | undefined; device: DeviceProps['device'] }) {
  const { features } = useServices();
  return (
    <>
      {features.map((feature) => {
        const Component = pick(feature);
        return Component ? <Component key={feature.id} device={device} /> : null;
      })}
    </>
  );
}
