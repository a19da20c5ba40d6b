// The composer's draft: checks before sending, the request it becomes, picture order.
import { describe, expect, it } from 'vitest';
import { PostInputSchema } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { PostDraft } from './postDraft.ts';
import { checkImageFile, codePointCount, draftToInput, emptyDraft, fieldOfServerProblem, moveImage, parseTags, validateDraft } from './postDraft.ts';

const sha = (c: string) => c.repeat(64);
const uploaded = (c: string) => ({ key: c, name: `${c}.png`, sha256: sha(c), previewUrl: null, progress: 1, error: null });
const keys = (draft: PostDraft) => validateDraft(draft).map((p) => `${p.field}:${p.key}`);

describe('post draft', () => {
  it('counts emoji and Chinese as one character each and flags text over 2000', () => {
    expect(codePointCount('新品上市，欢迎咨询！🎉')).toBe(11);
    const draft = { ...emptyDraft(), title: 't', text: '🎉'.repeat(2000) };
    expect(keys(draft)).toEqual([]);
    const over = validateDraft({ ...draft, text: '🎉'.repeat(2003) });
    expect(over).toEqual([{ field: 'text', key: 'textTooLong', values: { max: 2000, over: 3 } }]);
  });

  it('names the field of each problem: title, text-or-image, tags, images still uploading or failed', () => {
    expect(keys(emptyDraft())).toEqual(['title:titleMissing', 'text:textOrImage']);
    expect(keys({ ...emptyDraft(), title: 'x', images: [uploaded('a')] })).toEqual([]);
    expect(keys({ ...emptyDraft(), title: 'x', text: 'y', tagsText: 'a'.repeat(33) })).toEqual(['tags:tagTooLong']);
    expect(keys({ ...emptyDraft(), title: 'x', text: 'y', images: [{ ...uploaded('a'), sha256: null }] })).toEqual(['images:imageUploading']);
    expect(keys({ ...emptyDraft(), title: 'x', text: 'y', images: [{ ...uploaded('a'), error: 'too big' }] })).toEqual(['images:imageFailed']);
    const ten = 'abcdef0123'.split('').map(uploaded);
    expect(keys({ ...emptyDraft(), title: 'x', images: ten })).toEqual(['images:tooManyImages']);
  });

  it('builds a request the protocol accepts, with tags split on commas, spaces and #', () => {
    expect(parseTags('促销, 新品，促销 #sale')).toEqual(['促销', '新品', 'sale']);
    const input = draftToInput({ id: null, title: ' 上新 ', text: '新品上市，欢迎咨询！🎉', tagsText: '促销', images: [uploaded('b'), uploaded('a')] });
    expect(input).toEqual({ title: '上新', text: '新品上市，欢迎咨询！🎉', images: [sha('b'), sha('a')], tags: ['促销'] });
    expect(PostInputSchema.safeParse(input).success).toBe(true);
  });

  it('checks picked files by type and size, reorders pictures and maps box problems to fields', () => {
    expect(checkImageFile({ type: 'image/png', size: 1000 })).toBeNull();
    expect(checkImageFile({ type: 'text/html', size: 10 })).toBe('imageType');
    expect(checkImageFile({ type: 'image/jpeg', size: 21 * 1024 * 1024 })).toBe('imageTooLarge');
    expect(moveImage(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveImage(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveImage(['a', 'b'], 7, 0)).toEqual(['a', 'b']);
    expect(fieldOfServerProblem('images[3]')).toBe('images');
    expect(fieldOfServerProblem('title')).toBe('title');
    expect(fieldOfServerProblem('')).toBe('text');
  });
});
