// Which of the contributed views fills the console under the top bar (the wall, the post library, …).
import type { StateCreator } from 'zustand';

export const wallViewId = 'wall';

export interface ViewSlice {
  view: string;
  setView(view: string): void;
}

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = (set) => ({
  view: wallViewId,
  setView: (view) => set({ view }),
});
