// The shell around the views: the top bar (with the view switch), the box strip, and the view the switch chose.
import type { EmbeddedBoxStatus } from '../../../preload/contract/desktopApi.ts';
import { useConsoleState, useServices } from '../shared/services.ts';
import { BoxStrip } from './BoxStrip.tsx';
import { TopBar } from './TopBar.tsx';

export function ConsoleShell({ embedded, onAdd }: { embedded: EmbeddedBoxStatus | null; onAdd?: (input: { name: string; url: string; token: string }) => void }) {
  const { features } = useServices();
  const viewId = useConsoleState((state) => state.view);
  const View = features.flatMap((feature) => feature.views ?? []).find((view) => view.id === viewId)?.Component;
  return (
    <div className="console">
      <TopBar />
      <BoxStrip embedded={embedded} onAdd={onAdd} />
      {View ? <View /> : null}
    </div>
  );
}
