// Composes or edits one post: title, text with a live count, tags, 0–9 pictures uploaded as they are added.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WirePost } from '../../../../native-bridge/protocol/postingMessages.ts';
import { boxProblemsOf, placeProblems, problemMessages } from '../../shared/errors.ts';
import { FieldErrors } from '../../shared/ui/FieldErrors.tsx';
import { ImageGrid } from './ImageGrid.tsx';
import type { DraftProblem, PostDraft } from './postDraft.ts';
import { checkImageFile, codePointCount, draftToInput, fieldOfServerProblem, maxPostImages, maxPostTextCodePoints, moveImage, validateDraft } from './postDraft.ts';
import { usePostingConnection } from './postingStore.ts';

export interface PostComposerProps {
  initial: PostDraft;
  onSaved(post: WirePost): void;
  onClose(): void;
}

let nextImageKey = 1;

export function PostComposer({ initial, onSaved, onClose }: PostComposerProps) {
  const { t } = useTranslation('posting');
  const connection = usePostingConnection();
  const [draft, setDraft] = useState<PostDraft>(initial);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [fileProblems, setFileProblems] = useState<DraftProblem[]>([]);
  const [server, setServer] = useState<{ field: DraftProblem['field']; message: string }[]>([]);
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const update = (patch: Partial<PostDraft> | ((current: PostDraft) => Partial<PostDraft>)) =>
    setDraft((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));
  const patchImage = (key: string, patch: Partial<PostDraft['images'][number]>) =>
    update((current) => ({ images: current.images.map((image) => (image.key === key ? { ...image, ...patch } : image)) }));

  const addFiles = (files: File[]) => {
    if (!connection) return;
    const problems: DraftProblem[] = [];
    const room = maxPostImages - draft.images.length;
    const accepted: File[] = [];
    for (const file of files) {
      const problem = checkImageFile(file);
      if (problem) problems.push({ field: 'images', key: problem, values: { name: file.name } });
      else if (accepted.length < room) accepted.push(file);
      else if (!problems.some((p) => p.key === 'tooManyImages')) problems.push({ field: 'images', key: 'tooManyImages', values: { max: maxPostImages } });
    }
    setFileProblems(problems);
    const added = accepted.map((file) => {
      const previewUrl = URL.createObjectURL(file);
      previews.current.add(previewUrl);
      return { file, image: { key: `new-${nextImageKey++}`, name: file.name, sha256: null, previewUrl, progress: 0, error: null } };
    });
    update((current) => ({ images: [...current.images, ...added.map((entry) => entry.image)] }));
    for (const { file, image } of added) {
      connection.media
        .upload(file, (progress) => patchImage(image.key, { progress }))
        .then((uploaded) => patchImage(image.key, { sha256: uploaded.sha256, progress: 1 }))
        .catch((error: unknown) => patchImage(image.key, { error: problemMessages(boxProblemsOf(error))[0] ?? 'upload failed' }));
    }
  };

  const problems = [...validateDraft(draft), ...fileProblems];
  const shown = (field: DraftProblem['field']) => [
    ...problems.filter((p) => p.field === field && (touched || p.field === 'images' || p.key === 'textTooLong')).map((p) => t(`problem.${p.key}`, p.values ?? {})),
    ...server.filter((p) => p.field === field).map((p) => p.message),
  ];

  const save = async () => {
    setTouched(true);
    setServer([]);
    if (!connection || validateDraft(draft).length > 0) return;
    setSaving(true);
    try {
      const input = draftToInput(draft);
      const result = draft.id ? await connection.request({ type: 'updatePost', postId: draft.id, post: input }) : await connection.request({ type: 'createPost', post: input });
      onSaved(result.post);
    } catch (error) {
      setServer(placeProblems(error, fieldOfServerProblem).map((problem) => ({ field: problem.place, message: problem.message })));
    } finally {
      setSaving(false);
    }
  };

  const textCount = codePointCount(draft.text);
  return (
    <form
      className="composer"
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{draft.id ? t('composer.editTitle') : t('composer.newTitle')}</h3>
      <label className="field">
        <span>{t('composer.title')}</span>
        <input value={draft.title} onChange={(event) => update({ title: event.target.value })} data-testid="composer-title" />
        <FieldErrors messages={shown('title')} testId="error-title" />
      </label>
      <label className="field">
        <span>
          {t('composer.text')}
          <em className={`count${textCount > maxPostTextCodePoints ? ' over' : ''}`} data-testid="composer-count">
            {t('composer.count', { count: textCount, max: maxPostTextCodePoints })}
          </em>
        </span>
        <textarea rows={6} value={draft.text} onChange={(event) => update({ text: event.target.value })} data-testid="composer-text" />
        <FieldErrors messages={shown('text')} testId="error-text" />
      </label>
      <label className="field">
        <span>{t('composer.tags')}</span>
        <input value={draft.tagsText} onChange={(event) => update({ tagsText: event.target.value })} data-testid="composer-tags" />
        <FieldErrors messages={shown('tags')} testId="error-tags" />
      </label>
      <div className="field">
        <span>{t('composer.images', { max: maxPostImages })}</span>
        <ImageGrid
          images={draft.images}
          onAdd={addFiles}
          onMove={(from, to) => update((current) => ({ images: moveImage(current.images, from, to) }))}
          onRemove={(key) => update((current) => ({ images: current.images.filter((image) => image.key !== key) }))}
        />
        <FieldErrors messages={shown('images')} testId="error-images" />
      </div>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving || !connection} data-testid="composer-save">
          {saving ? t('composer.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
