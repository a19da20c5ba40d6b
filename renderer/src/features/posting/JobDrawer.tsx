// One job's details: state, the log of transitions with time and attempt, proof screenshots, and the actions
// the box allows (cancel, retry a failed job, resolve needs_check by hand with a note).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingResultMap } from '../../../../native-bridge/protocol/postingMessages.ts';
import { boxProblemsOf, problemMessages } from '../../shared/errors.ts';
import { MediaImage } from './MediaImage.tsx';
import { selectPostingCanWrite } from './postingSelectors.ts';
import { usePostingConnection, usePostingState, usePostingStore } from './postingStore.ts';

type Detail = PostingResultMap['getJob'];

const cancellable = new Set(['scheduled', 'claimed', 'preparing']);

export function JobDrawer({ jobId, phoneName }: { jobId: string; phoneName(id: string): string }) {
  const { t, i18n } = useTranslation('posting');
  const store = usePostingStore();
  const connection = usePostingConnection();
  const canWrite = usePostingState(selectPostingCanWrite);
  const job = usePostingState((state) => state.jobs[jobId] ?? null);
  const liveCount = usePostingState((state) => state.liveLog[jobId]?.length ?? 0);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [zoomed, setZoomed] = useState<{ sha256: string; label: string } | null>(null);
  useEffect(() => {
    if (!connection) return;
    let cancelled = false;
    connection.request({ type: 'getJob', jobId }).then((result) => !cancelled && setDetail(result), (failure: unknown) => !cancelled && setError(problemMessages(boxProblemsOf(failure))[0] ?? ''));
    return () => {
      cancelled = true;
    };
    // A live transition means new log lines and perhaps new proofs.
  }, [connection, jobId, liveCount, job?.state]);

  const act = (request: () => Promise<{ job: Detail['job'] }>) => {
    setError(null);
    request()
      .then((result) => store.getState().setJobs([result.job]))
      .catch((failure: unknown) => setError(problemMessages(boxProblemsOf(failure)).join('; ')));
  };
  const time = (at: number) => new Date(at).toLocaleString(i18n.language, { hour12: false });
  const shown = job ?? detail?.job ?? null;
  return (
    <aside className="job-drawer" data-testid="job-drawer" data-job-id={jobId}>
      <div className="drawer-head">
        <h3>{t('jobs.detail')}</h3>
        <button type="button" onClick={() => store.getState().selectJob(null)} data-testid="drawer-close">
          {t('common.close')}
        </button>
      </div>
      {shown ? (
        <dl className="job-facts">
          <dt>{t('jobs.phone')}</dt>
          <dd>{phoneName(shown.deviceId)}</dd>
          <dt>{t('jobs.state')}</dt>
          <dd>
            <span className={`job-state s-${shown.state}`} data-testid="drawer-state">
              {t(`state.${shown.state}`)}
            </span>
          </dd>
          <dt>{t('jobs.planned')}</dt>
          <dd>{time(shown.plannedAt)}</dd>
          <dt>{t('jobs.attempt')}</dt>
          <dd>
            {shown.attempt}/{shown.maxAttempts}
          </dd>
          {shown.step ? (
            <>
              <dt>{t('jobs.step')}</dt>
              <dd>{shown.step}</dd>
            </>
          ) : null}
          {shown.reason ? (
            <>
              <dt>{t('jobs.reason')}</dt>
              <dd>{shown.reason}</dd>
            </>
          ) : null}
          {shown.planNote ? (
            <>
              <dt>{t('jobs.planNote')}</dt>
              <dd>{shown.planNote}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {shown && connection && canWrite ? (
        <div className="drawer-actions">
          {cancellable.has(shown.state) ? (
            <button type="button" onClick={() => act(() => connection.request({ type: 'cancelJob', jobId }))} data-testid="job-cancel">
              {t('jobs.cancel')}
            </button>
          ) : null}
          {shown.state === 'failed' ? (
            <button type="button" onClick={() => act(() => connection.request({ type: 'retryJob', jobId }))} data-testid="job-retry">
              {t('jobs.retry')}
            </button>
          ) : null}
          {shown.state === 'needs_check' ? (
            <div className="resolve">
              <input value={note} placeholder={t('jobs.note')} aria-label={t('jobs.note')} onChange={(event) => setNote(event.target.value)} data-testid="resolve-note" />
              {(['done', 'failed'] as const).map((outcome) => (
                <button
                  key={outcome}
                  type="button"
                  data-testid={`resolve-${outcome}`}
                  onClick={() => (note.trim() ? act(() => connection.request({ type: 'resolveJob', jobId, outcome, note: note.trim() })) : setError(t('jobs.noteMissing')))}
                >
                  {outcome === 'done' ? t('jobs.resolveDone') : t('jobs.resolveFailed')}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      <h4>{t('jobs.log')}</h4>
      <ol className="job-log" data-testid="job-log">
        {(detail?.log ?? []).map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time>{time(entry.at)}</time>
            <span className={`job-state s-${entry.to}`}>{t(`state.${entry.to}`)}</span>
            <span className="muted">#{entry.attempt}</span>
            {entry.detail ? <span className="log-detail">{entry.detail}</span> : null}
          </li>
        ))}
      </ol>
      <h4>{t('jobs.proofs')}</h4>
      {detail && detail.proofs.length === 0 ? <p className="muted">{t('jobs.noProofs')}</p> : null}
      <div className="proofs" data-testid="job-proofs">
        {(detail?.proofs ?? []).map((proof) => (
          <figure key={`${proof.sha256}-${proof.at}`} onClick={() => setZoomed(proof)} title={t('jobs.zoom')}>
            <MediaImage sha256={proof.sha256} thumb alt={proof.label} className="proof" />
            <figcaption>
              {proof.label} · {time(proof.at)}
            </figcaption>
          </figure>
        ))}
      </div>
      {zoomed ? (
        <div className="proof-zoom" role="dialog" aria-label={zoomed.label} onClick={() => setZoomed(null)} data-testid="proof-zoom">
          <MediaImage sha256={zoomed.sha256} thumb={false} alt={zoomed.label} />
        </div>
      ) : null}
    </aside>
  );
}
