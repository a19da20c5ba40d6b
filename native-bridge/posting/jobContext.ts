// Adapters from the stores to what a job run needs: the post's text and images, and where proofs go.
import type { FlowJobContext } from '../flows/flowInterpreter.ts';
import { imageExtension, ImageMime } from '../store/imageType.ts';
import type { MediaStore } from '../store/mediaStore.ts';
import type { Job, JobStore } from './jobStore.ts';
import type { PostReader } from './postStore.ts';

export function jobContextLoader(posts: PostReader, media: MediaStore): (job: Job) => FlowJobContext {
  return (job) => {
    const post = posts.get(job.postId);
    if (!post) throw new Error(`post ${job.postId} of job ${job.id} no longer exists`);
    return {
      jobId: job.id,
      postText: post.text,
      images: post.images.map((sha256) => {
        const record = media.get(sha256);
        return { sha256, extension: imageExtension(record?.mime ?? ImageMime.jpeg), read: () => media.read(sha256) };
      }),
    };
  };
}

export function proofSaver(jobs: JobStore, media: MediaStore): (jobId: string, fence: number, label: string, png: Uint8Array, now: number) => boolean {
  return (jobId, fence, label, png, now) => {
    const record = media.putBytes(png, ImageMime.png, now);
    return jobs.addProof(jobId, fence, label, record.sha256, now);
  };
}
