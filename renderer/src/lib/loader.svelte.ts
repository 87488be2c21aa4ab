// "Load, show loading, show the error, drop stale answers" for one value a view fetches from the
// backend. The view reads `data`, `loading` and `error`; components/LoadStatus.svelte shows the
// loading line or the error until the data is there.
import { errorMessage } from './toast.svelte.ts';
import { latestOnly } from './latest.ts';

export class Loader<T> {
  /**
   * The latest answer; kept while a newer request runs (views dim it) and when a reload fails.
   * Raw, not a deep proxy: an answer is replaced whole, never edited in place, and proxying a
   * 400-action plan made every row read go through a signal (seconds on the plan page).
   */
  data = $state.raw<T | null>(null);
  /** The Spanish message of the latest request's failure, '' otherwise. */
  error = $state('');
  loading = $state(false);
  readonly #latest = latestOnly();
  readonly #fetch: (() => Promise<T>) | undefined;

  /** `fetch`: how to load (and reload); omitted when every `load` call says it. */
  constructor(fetch?: () => Promise<T>) {
    this.#fetch = fetch;
  }

  /**
   * Starts a request (`fetch` replaces the constructor's for this call). The request is made
   * synchronously, so called inside an $effect the state it reads becomes the effect's dependencies
   * and a change reloads. Resolves when it settles, even when a newer request made it stale.
   */
  load(fetch: (() => Promise<T>) | undefined = this.#fetch): Promise<void> {
    if (!fetch) throw new Error('Loader.load: nothing to fetch');
    this.loading = true;
    this.error = '';
    let request: Promise<T>;
    try {
      request = fetch();
    } catch (err) {
      request = Promise.reject(err);
    }
    return this.#latest.run(
      request,
      (value) => {
        this.data = value;
        this.loading = false;
      },
      (err) => {
        this.error = errorMessage(err);
        this.loading = false;
      },
    );
  }

  /** A value the view got another way (the answer of an edit): it wins over requests still in flight. */
  set(value: T | null): void {
    this.#latest.supersede();
    this.data = value;
    this.error = '';
    this.loading = false;
  }
}
