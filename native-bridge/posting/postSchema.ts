// Validation of posts (title, text, images, tags) with errors that name the field and the fix.
import { z } from 'zod';

/**
 * WeChat Moments keeps about 2,000 characters of post text; counted in code points (an emoji or a Chinese
 * character is one), which is how a person counts and close to how the app counts.
 */
export const maxPostTextCodePoints = 2000;
export const maxPostImages = 9;
export const maxTitleCodePoints = 100;

const codePoints = (text: string): number => [...text].length;
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected the sha256 (64 lowercase hex digits) of an image already uploaded');

export const postInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'give the post a title (it is only shown in PhoneWall)')
      .refine((t) => codePoints(t) <= maxTitleCodePoints, `shorten the title to at most ${maxTitleCodePoints} characters`),
    text: z
      .string()
      .refine((t) => codePoints(t) <= maxPostTextCodePoints, {
        message: `the text is over ${maxPostTextCodePoints} characters (counted as Unicode code points): shorten it`,
      }),
    images: z.array(sha256).max(maxPostImages, `a post carries at most ${maxPostImages} images: remove some`),
    tags: z.array(z.string().trim().min(1, 'empty tag').max(32, 'tags are at most 32 characters')).max(20, 'at most 20 tags').default([]),
  })
  .strict()
  .refine((m) => m.text.trim().length > 0 || m.images.length > 0, { message: 'a post needs text or at least one image', path: ['text'] });

export type PostInput = z.infer<typeof postInputSchema>;

