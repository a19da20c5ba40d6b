// The composer's pictures: drop zone and picker (desktop dialog or file input), preview grid with reorder,
// remove and upload progress.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../shared/services.ts';
import type { DraftImage } from './postDraft.ts';
import { acceptedImageTypes, maxPostImages } from './postDraft.ts';
import { MediaImage } from './MediaImage.tsx';

export interface ImageGridProps {
  images: DraftImage[];
  onAdd(files: File[]): void;
  onMove(from: number, to: number): void;
  onRemove(key: string): void;
}

export function ImageGrid({ images, onAdd, onMove, onRemove }: ImageGridProps) {
  const { t } = useTranslation('posting');
  const { desktop } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const pick = async () => {
    if (!desktop) {
      input.current?.click();
      return;
    }
    const picked = await desktop.pickImages();
    if (picked.ok) onAdd(picked.value.map((image) => new File([image.bytes.slice()], image.name, { type: image.mime })));
  };
  return (
    <div
      className={`image-drop${over ? ' over' : ''}`}
      data-testid="image-drop"
      onDragOver={(event) => {
        if (dragFrom !== null || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (dragFrom !== null || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        onAdd([...event.dataTransfer.files]);
      }}
    >
      <ol className="image-grid" data-testid="image-grid">
        {images.map((image, index) => (
          <li
            key={image.key}
            className={`image-cell${image.error ? ' failed' : ''}`}
            data-testid="image-cell"
            data-sha256={image.sha256 ?? ''}
            draggable
            onDragStart={(event) => {
              setDragFrom(index);
              event.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragFrom(null)}
            onDragOver={(event) => dragFrom !== null && event.preventDefault()}
            onDrop={(event) => {
              if (dragFrom === null) return;
              event.preventDefault();
              onMove(dragFrom, index);
              setDragFrom(null);
            }}
          >
            {image.previewUrl ? <img src={image.previewUrl} alt={image.name} /> : image.sha256 ? <MediaImage sha256={image.sha256} thumb alt={image.name} /> : null}
            <span className="image-index">{index + 1}</span>
            {image.error ? (
              <span className="image-status error">{t('composer.uploadFailed', { message: image.error })}</span>
            ) : !image.sha256 ? (
              <span className="image-status">
                <progress max={1} value={image.progress} />
                {t('composer.uploading', { percent: Math.round(image.progress * 100) })}
              </span>
            ) : null}
            <span className="image-actions">
              <button type="button" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('composer.left')}>
                ‹
              </button>
              <button type="button" onClick={() => onRemove(image.key)} aria-label={t('composer.remove')} data-testid="image-remove">
                ×
              </button>
              <button type="button" disabled={index === images.length - 1} onClick={() => onMove(index, index + 1)} aria-label={t('composer.right')}>
                ›
              </button>
            </span>
          </li>
        ))}
      </ol>
      {images.length < maxPostImages ? (
        <p className="drop-hint">
          {t('composer.drop')}{' '}
          <button type="button" className="link" onClick={() => void pick()} data-testid="image-pick">
            {t('composer.pick')}
          </button>
        </p>
      ) : null}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={acceptedImageTypes.join(',')}
        data-testid="image-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onAdd(files);
        }}
      />
    </div>
  );
}
