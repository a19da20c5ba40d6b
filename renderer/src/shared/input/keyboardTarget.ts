// Where the keyboard of the selected phone is captured: the wall's keyboard sink registers its element, and
// anything that takes a phone (a click, a button) hands the keyboard back to it.
export class KeyboardTarget {
  element: HTMLElement | null = null;

  focus(): void {
    this.element?.focus({ preventScroll: true });
  }
}
