// Tests of the material box: create/edit/duplicate/delete and validation that writes nothing half.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { MediaStore } from '../store/mediaStore.ts';
import { BoxError } from '../base/boxError.ts';
import { PostStore } from './postStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pw-mat-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'box.db'));
  const media = new MediaStore(db, dir);
  let n = 0;
  const posts = new PostStore(db, () => `post-${++n}`);
  const images = Array.from({ length: 10 }, (_, i) => {
    const canvas = createCanvas(4, 4);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = `rgb(${i * 20}, 10, 10)`;
    ctx.fillRect(0, 0, 4, 4);
    return media.putImage(canvas.toBuffer('image/png'), 1).sha256;
  });
  return { db, posts, images };
}

function invalid(fn: () => unknown): BoxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BoxError);
    return error as BoxError;
  }
  throw new Error('expected a BoxError');
}

describe('PostStore', () => {
  it('creates, edits, duplicates and deletes with images in order', () => {
    const { db, posts, images } = setup();
    const created = posts.create({ title: '新品', text: '新品上市，欢迎咨询！🎉', images: [images[2], images[0], images[1]], tags: ['promo'] }, 100);
    expect(created.images).toEqual([images[2], images[0], images[1]]);
    const edited = posts.edit(created.id, { title: '新品', text: '改', images: [images[1]!], tags: [] }, 200);
    expect(edited).toMatchObject({ text: '改', images: [images[1]], updatedAt: 200, createdAt: 100 });
    const copy = posts.duplicate(created.id, 300);
    expect(copy).toMatchObject({ id: 'post-2', title: '新品 (copy)', images: [images[1]] });
    posts.remove(created.id);
    expect(posts.get(created.id)).toBeNull();
    expect(posts.list().map((m) => m.id)).toEqual(['post-2']);
    db.close();
  });

  it('counts text in code points: 2000 emoji pass, 2001 fail naming the field', () => {
    const { db, posts } = setup();
    expect(posts.create({ title: 't', text: '🎉'.repeat(2000), images: [] }, 1).text.length).toBe(4000);
    const error = invalid(() => posts.create({ title: 't', text: '字'.repeat(2001), images: [] }, 1));
    expect(error.problems?.[0]?.field).toBe('text');
    expect(error.message).toMatch(/^text: the text is over 2000 characters/);
    expect(db.prepare('SELECT COUNT(*) FROM posts').pluck().get()).toBe(1);
    db.close();
  });

  it('rejects 10 images, unknown images and bad shapes, and writes nothing', () => {
    const { db, posts, images } = setup();
    expect(invalid(() => posts.create({ title: 't', text: 'x', images }, 1)).message).toMatch(/images: a post carries at most 9 images/);
    expect(invalid(() => posts.create({ title: 't', text: 'x', images: ['a'.repeat(64)] }, 1)).message).toMatch(/images\[0\]: image aaaaaaaaaaaa… was not uploaded/);
    expect(invalid(() => posts.create({ title: '', text: 'x', images: [] }, 1)).problems?.[0]?.field).toBe('title');
    expect(invalid(() => posts.create({ title: 't', text: 'x', images: ['nope'] }, 1)).problems?.[0]?.field).toBe('images[0]');
    expect(db.prepare('SELECT COUNT(*) FROM posts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM post_images').pluck().get()).toBe(0);
    db.close();
  });

  it('leaves a post untouched when an edit is invalid', () => {
    const { db, posts, images } = setup();
    const created = posts.create({ title: 't', text: 'x', images: [images[0]] }, 1);
    invalid(() => posts.edit(created.id, { title: 't', text: 'y', images: [images[1], 'f'.repeat(64)] }, 2));
    expect(posts.get(created.id)).toMatchObject({ text: 'x', images: [images[0]] });
    db.close();
  });
});
