import { useEffect, useState } from 'react';
import { fetchBlob, messageOf } from '../../api';

/**
 * A file of the API shown in the page (a thumbnail, a preview): fetched with the token in its header,
 * shown through a `blob:` URL, and that URL revoked when the component goes, so no copy of a person's
 * file outlives the screen that showed it.
 */
export function useBlobUrl(path: string | null, networkText: string): { url: string | null; mediaType: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; mediaType: string | null; error: string | null }>({ url: null, mediaType: null, error: null });
  useEffect(() => {
    if (!path) return undefined;
    let url: string | null = null;
    let live = true;
    setState({ url: null, mediaType: null, error: null });
    fetchBlob(path).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        if (live) setState({ url, mediaType: blob.type, error: null });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => live && setState({ url: null, mediaType: null, error: messageOf(error, networkText) }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, networkText]);
  return state;
}
