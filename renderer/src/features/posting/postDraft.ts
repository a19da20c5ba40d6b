// The composer's draft of a post and its checks, mirroring the box's post rules so errors show before sending.
import type { PostInputSchema, WirePost } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { z } from 'zod';

export const maxPostTextCodePoints = 2000;
export const maxPostImages = 9;
export const maxTitleCodePoints = 100;
export const maxTags = 20;
export const maxTagCodePoints = 32;
/** The box refuses images over this size (its media store limit). */
export const maxImageBytes = 20 * 1024 * 1024;
export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export type PostInput = z.infer<typeof PostInputSchema>;

/** One picture of the draft: uploaded (has sha256) or still on its way (progress 0..1, or an error). */
export interface DraftImage {
  key: string;
  name: string;
  sha256: string | null;
  /** A local object URL while the picture is new; uploaded ones are shown from the box. */
  previewUrl: string | null;
  progress: number;
  error: string | null;
}

export interface PostDraft {
  id: string | null;
  title: string;
  text: string;
  tagsText: string;
  images: DraftImage[];
}

/** A problem names the field it belongs to and an i18n key (with values) for the message. */
export interface DraftProblem {
  field: 'title' | 'text' | 'tags' | 'images';
  key: string;
  values?: Record<string, number | string>;
}

export function codePointCount(text: string): number {
  return [...text].length;
}

export function emptyDraft(): PostDraft {
  return { id: null, title: '', text: '', tagsText: '', images: [] };
}

export function draftFromPost(post: WirePost): PostDraft {
  return {
    id: post.id,
    title: post.title,
    text: post.text,
    tagsText: post.tags.join(', '),
    images: post.images.map((sha256, index) => ({ key: `${sha256}-${index}`, name: sha256.slice(0, 8), sha256, previewUrl: null, progress: 1, error: null })),
  };
}

/** Tags from free text: split on commas (ASCII or full-width), spaces and #, trimmed, without repeats. */
export function parseTags(text: string): string[] {
  const tags = text.split(/[,，、\s#]+/u).map((tag) => tag.trim()).filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

export function validateDraft(draft: PostDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', key: 'titleMissing' });
  else if (codePointCount(title) > maxTitleCodePoints) problems.push({ field: 'title', key: 'titleTooLong', values: { max: maxTitleCodePoints } });
  const textLength = codePointCount(draft.text);
  if (textLength > maxPostTextCodePoints) problems.push({ field: 'text', key: 'textTooLong', values: { max: maxPostTextCodePoints, over: textLength - maxPostTextCodePoints } });
  if (!draft.text.trim() && draft.images.length === 0) problems.push({ field: 'text', key: 'textOrImage' });
  const tags = parseTags(draft.tagsText);
  if (tags.length > maxTags) problems.push({ field: 'tags', key: 'tooManyTags', values: { max: maxTags } });
  const longTag = tags.find((tag) => codePointCount(tag) > maxTagCodePoints);
  if (longTag) problems.push({ field: 'tags', key: 'tagTooLong', values: { tag: longTag, max: maxTagCodePoints } });
  if (draft.images.length > maxPostImages) problems.push({ field: 'images', key: 'tooManyImages', values: { max: maxPostImages } });
  if (draft.images.some((image) => image.error)) problems.push({ field: 'images', key: 'imageFailed' });
  else if (draft.images.some((image) => !image.sha256)) problems.push({ field: 'images', key: 'imageUploading' });
  return problems;
}

/** Checks one picked file before uploading: type and size. Returns a problem key or null. */
export function checkImageFile(file: { type: string; size: number }): 'imageType' | 'imageTooLarge' | null {
  if (!(acceptedImageTypes as readonly string[]).includes(file.type)) return 'imageType';
  if (file.size > maxImageBytes) return 'imageTooLarge';
  return null;
}

export function draftToInput(draft: PostDraft): PostInput {
  return {
    title: draft.title.trim(),
    text: draft.text,
    images: draft.images.flatMap((image) => (image.sha256 ? [image.sha256] : [])),
    tags: parseTags(draft.tagsText),
  };
}

/** Moves the picture at `from` to `to` (both clamped); the order is the order on the phone. */
export function moveImage<T>(images: readonly T[], from: number, to: number): T[] {
  const list = [...images];
  if (from < 0 || from >= list.length) return list;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [moved] = list.splice(from, 1);
  if (moved !== undefined) list.splice(target, 0, moved);
  return list;
}

/** Server problems (`invalid` with `problems`) mapped to the composer's fields; unknown fields go to `text`. */
export function fieldOfServerProblem(field: string): DraftProblem['field'] {
  if (field.startsWith('title')) return 'title';
  if (field.startsWith('tags')) return 'tags';
  if (field.startsWith('images')) return 'images';
  return 'text';
}
