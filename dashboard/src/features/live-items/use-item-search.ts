import type { ItemSummary } from '@liaowang/contract';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { isAbortError } from '../../api/api-error';

export interface SearchResult {
  query: string;
  total: number;
  items: ItemSummary[];
}

export interface ItemSearch {
  /** What is typed in the box. */
  input: string;
  setInput(value: string): void;
  /** Run the search now (Enter / button) instead of waiting for the debounce. */
  submit(): void;
  clear(): void;
  /** Null when no search is active: the page shows the live list. */
  result: SearchResult | null;
  pending: boolean;
  error: unknown;
}

const DEBOUNCE_MS = 400;

/** Full-text search over the items API; an empty box means "back to the live list". */
export function useItemSearch(api: ApiClient): ItemSearch {
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  // Bumped by submit so pressing Enter on the same words searches again (new items may match).
  const [runs, setRuns] = useState(0);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Typing settles into a query after a pause, so every keystroke is not a request.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(input.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input]);

  useEffect(() => {
    setError(null);
    if (!query) {
      setResult(null);
      setPending(false);
      return;
    }
    const controller = new AbortController();
    setPending(true);
    api.searchItems(query, controller.signal).then(
      (response) => {
        setResult({ query, total: response.total, items: response.items });
        setPending(false);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setError(failure);
        setPending(false);
      },
    );
    return () => controller.abort();
  }, [api, query, runs]);

  return {
    input,
    setInput,
    submit: () => {
      setQuery(input.trim());
      setRuns((n) => n + 1);
    },
    clear: () => {
      setInput('');
      setQuery('');
    },
    result,
    pending,
    error,
  };
}
