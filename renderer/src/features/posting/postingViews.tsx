// The views posting adds to the view switch: the post library (素材库), the schedule dialog (排期) and the job board.
import type { ConsoleView } from '../../shared/feature.ts';
import { JobBoard } from './JobBoard.tsx';
import { PostingScreen } from './PostingScreen.tsx';
import { PostingView } from './postingSlice.ts';
import { PostLibrary } from './PostLibrary.tsx';
import { ScheduleDialog } from './ScheduleDialog.tsx';

export const postingViews: readonly ConsoleView[] = [
  { id: PostingView.posts, labelKey: 'views.posts', Component: () => <PostingScreen><PostLibrary /></PostingScreen> },
  { id: PostingView.schedule, labelKey: 'views.schedule', Component: () => <PostingScreen><ScheduleDialog /></PostingScreen> },
  { id: PostingView.jobs, labelKey: 'views.jobs', Component: () => <PostingScreen><JobBoard /></PostingScreen> },
];
