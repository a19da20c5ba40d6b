// Reads `uiautomator dump` XML into a flat list of views and finds views by text, resource id or description.
export interface UiView {
  text: string;
  resourceId: string;
  description: string;
  bounds: { x1: number; y1: number; x2: number; y2: number };
}

export interface ViewQuery {
  text?: string;
  id?: string;
  description?: string;
  exact: boolean;
  index: number;
}

const nodePattern = /<node\b([^>]*?)\/?>/g;
const attributePattern = /([\w-]+)="([^"]*)"/g;
const boundsPattern = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/;

function unescapeXml(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** uiautomator's output is flat enough that attribute scanning is exact; no XML library needed. */
export function parseUiDump(xml: string): UiView[] {
  const views: UiView[] = [];
  for (const node of xml.matchAll(nodePattern)) {
    const attributes = new Map<string, string>();
    for (const attribute of (node[1] ?? '').matchAll(attributePattern)) attributes.set(attribute[1] ?? '', unescapeXml(attribute[2] ?? ''));
    const bounds = boundsPattern.exec(attributes.get('bounds') ?? '');
    if (!bounds) continue;
    views.push({
      text: attributes.get('text') ?? '',
      resourceId: attributes.get('resource-id') ?? '',
      description: attributes.get('content-desc') ?? '',
      bounds: { x1: Number(bounds[1]), y1: Number(bounds[2]), x2: Number(bounds[3]), y2: Number(bounds[4]) },
    });
  }
  return views;
}

function matches(value: string, wanted: string | undefined, exact: boolean): boolean {
  if (wanted === undefined) return true;
  return exact ? value.trim() === wanted : value.includes(wanted);
}

/** Resource ids match either in full (`pkg:id/name`) or by the name after `id/`. */
function idMatches(resourceId: string, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  return resourceId === wanted || resourceId.endsWith(`:id/${wanted}`) || resourceId.endsWith(`/${wanted}`);
}

export function findViews(views: readonly UiView[], query: Omit<ViewQuery, 'index'>): UiView[] {
  return views.filter(
    (view) =>
      view.bounds.x2 > view.bounds.x1 &&
      view.bounds.y2 > view.bounds.y1 &&
      matches(view.text, query.text, query.exact) &&
      matches(view.description, query.description, query.exact) &&
      idMatches(view.resourceId, query.id),
  );
}

export function findView(views: readonly UiView[], query: ViewQuery): UiView | null {
  return findViews(views, query)[query.index] ?? null;
}

export function viewCenter(view: UiView): { x: number; y: number } {
  return { x: Math.round((view.bounds.x1 + view.bounds.x2) / 2), y: Math.round((view.bounds.y1 + view.bounds.y2) / 2) };
}
