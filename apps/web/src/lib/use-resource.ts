import { useEffect, useState, type DependencyList } from 'react';
import { type ApiError, toApiError } from './api-client';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Loads data for a page and reloads when `deps` change; a response that arrives after the page moved on is dropped. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; the caller lists what it depends on in `deps`.
  }, [...deps, version]);

  return { data, error, loading, reload: () => setVersion((v) => v + 1) };
}
