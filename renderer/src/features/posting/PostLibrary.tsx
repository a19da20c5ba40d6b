// The post library (素材库): the box's posts with thumbnails and search; create, edit, duplicate, delete, and a way
// to schedule.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { boxProblemsOf, problemMessages } from '../../shared/errors.ts';
import { MediaImage } from './MediaImage.tsx';
import { PostComposer } from './PostComposer.tsx';
import type { PostDraft } from './postDraft.ts';
import { draftFromPost, emptyDraft } from './postDraft.ts';
import { selectFilteredPosts, selectPostingCanWrite } from './postingSelectors.ts';
import { usePostingState, usePostingStore, useWritablePostingConnection } from './postingStore.ts';
import './postLibrary.css';

export function PostLibrary() {
  const { t, i18n } = useTranslation('posting');
  const store = usePostingStore();
  const connection = useWritablePostingConnection();
  const canWrite = usePostingState(selectPostingCanWrite);
  const posts = usePostingState(useShallow(selectFilteredPosts));
  const search = usePostingState((state) => state.postSearch);
  const total = usePostingState((state) => Object.keys(state.posts).length);
  const [editing, setEditing] = useState<PostDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = store.getState();

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(problemMessages(boxProblemsOf(failure)).join('; '));
    }
  };

  return (
    <section className="posting-screen post-library" data-testid="post-library">
      <div className="posting-toolbar">
        <h2>{t('library.title')}</h2>
        <input type="search" value={search} placeholder={t('library.search')} aria-label={t('library.search')} onChange={(event) => actions.setPostSearch(event.target.value)} data-testid="post-search" />
        <button type="button" className="primary" onClick={() => setEditing(emptyDraft())} disabled={!connection} data-testid="post-create">
          {t('library.create')}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {t('common.error', { message: error })}
        </p>
      ) : null}
      <div className="post-library-body">
        <ul className="post-list" data-testid="post-list">
          {posts.length === 0 ? <li className="empty">{total === 0 ? t('library.empty') : t('library.noMatch', { search })}</li> : null}
          {posts.map((post) => (
            <li key={post.id} className="post-card" data-testid="post-card" data-post-id={post.id}>
              <div className="post-thumbs">
                {post.images.slice(0, 3).map((sha, index) => (
                  <MediaImage key={`${sha}-${index}`} sha256={sha} thumb alt="" className="thumb" />
                ))}
              </div>
              <div className="post-main">
                <strong className="post-title">{post.title}</strong>
                <p className="post-text">{post.text}</p>
                <span className="post-meta">
                  {post.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                  <span>{t('library.images', { count: post.images.length })}</span>
                  <span>{t('library.updated', { time: new Date(post.updatedAt).toLocaleString(i18n.language) })}</span>
                </span>
              </div>
              <div className="post-actions">
                <button type="button" className="primary" disabled={!canWrite} onClick={() => actions.scheduleFor(post.id)} data-testid="post-schedule">
                  {t('library.schedule')}
                </button>
                <button type="button" disabled={!connection} onClick={() => setEditing(draftFromPost(post))} data-testid="post-edit">
                  {t('common.edit')}
                </button>
                <button type="button" disabled={!connection} onClick={() => void run(async () => actions.upsertPost((await connection!.request({ type: 'duplicatePost', postId: post.id })).post))} data-testid="post-duplicate">
                  {t('common.duplicate')}
                </button>
                <button
                  type="button"
                  disabled={!connection}
                  data-testid="post-delete"
                  onClick={() => {
                    if (!window.confirm(t('library.confirmDelete', { title: post.title }))) return;
                    void run(async () => {
                      await connection!.request({ type: 'deletePost', postId: post.id });
                      actions.removePost(post.id);
                    });
                  }}
                >
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
        {editing ? (
          <PostComposer
            key={editing.id ?? 'new'}
            initial={editing}
            onClose={() => setEditing(null)}
            onSaved={(post) => {
              actions.upsertPost(post);
              setEditing(null);
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
