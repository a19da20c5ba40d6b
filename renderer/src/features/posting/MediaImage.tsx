// A stored picture from the box (or its thumbnail), fetched with the token in a header and shown from a blob URL.
import { useEffect, useState } from 'react';
import { usePostingConnection } from './postingStore.ts';

export function MediaImage({ sha256, thumb, alt, className }: { sha256: string; thumb: boolean; alt: string; className?: string }) {
  const connection = usePostingConnection();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!connection) return;
    let cancelled = false;
    connection.media.objectUrl(sha256, thumb).then((value) => !cancelled && setUrl(value), () => !cancelled && setUrl(null));
    return () => {
      cancelled = true;
    };
  }, [connection, sha256, thumb]);
  return url ? <img className={className} src={url} alt={alt} data-sha256={sha256} /> : <span className={`${className ?? ''} media-missing`} aria-label={alt} />;
}
