// The wall view: the control bar and tool strip (with what the features mount there), the grid of phones and the
// focus view. A fragment, so panels the features mount sit directly in the console's column.
import { ControlBar } from './ControlBar.tsx';
import { FocusView } from './FocusView.tsx';
import { WallGrid } from './WallGrid.tsx';

export function WallView() {
  return (
    <>
      <ControlBar />
      <WallGrid />
      <FocusView />
    </>
  );
}
