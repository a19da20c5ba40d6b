// The views posting adds to the view switch: the material box (素材库), the schedule dialog (排期) and the job board.
import type { ConsoleView } from '../../shared/feature.ts';
import { JobBoard } from './JobBoard.tsx';
import { MaterialBox } from './MaterialBox.tsx';
import { PostingScreen } from './PostingScreen.tsx';
import { PostingView } from './postingSlice.ts';
import { ScheduleDialog } from './ScheduleDialog.tsx';

export const postingViews: readonly ConsoleView[] = [
  { id: PostingView.materials, labelKey: 'views.materials', Component: () => <PostingScreen><MaterialBox /></PostingScreen> },
  { id: PostingView.schedule, labelKey: 'views.schedule', Component: () => <PostingScreen><ScheduleDialog /></PostingScreen> },
  { id: PostingView.jobs, labelKey: 'views.jobs', Component: () => <PostingScreen><JobBoard /></PostingScreen> },
];
