// Requests where only the latest one counts: an answer to a request that a newer one (or a
// direct `supersede()`) has replaced is dropped, so a slow old answer never overwrites a newer one.
export interface Latest {
  /** Waits for `request`; calls `onValue`/`onError` only if no newer request started meanwhile. Never rejects. */
  run<T>(request: Promise<T>, onValue: (value: T) => void, onError: (err: unknown) => void): Promise<void>;
  /** Drops the answer of every request in flight. */
  supersede(): void;
}

export function latestOnly(): Latest {
  let seq = 0;
  return {
    async run(request, onValue, onError) {
      const mine = ++seq;
      try {
        const value = await request;
        if (mine === seq) onValue(value);
      } catch (err) {
        if (mine === seq) onError(err);
      }
    },
    supersede() {
      seq++;
    },
  };
}
