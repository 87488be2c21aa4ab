// The renderer's plumbing that every view relies on: menu commands reach the view on screen
// through one relay, and a slow old answer never overwrites a newer one.
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../renderer/src/lib/latest.ts';
import { createMenuRelay } from '../../renderer/src/lib/menu.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('menu relay', () => {
  it('runs a command on the view on screen that handles it', () => {
    const relay = createMenuRelay();
    const ran: string[] = [];
    relay.handle({ 'export-plan': () => ran.push('export') });
    relay.deliver('export-plan', false);
    relay.deliver('import-plan', false); // nobody handles it: nothing happens
    expect(ran).toEqual(['export']);
  });

  it('stops reaching a view once it leaves the screen', () => {
    const relay = createMenuRelay();
    const ran: string[] = [];
    const remove = relay.handle({ 'import-plan': () => ran.push('plans') });
    remove();
    relay.deliver('import-plan', false);
    expect(ran).toEqual([]);
  });

  it('after a navigation, hands the command to the view that appears', async () => {
    const relay = createMenuRelay();
    const ran: string[] = [];
    const removePlan = relay.handle({ 'export-plan': () => ran.push('plan view') });
    relay.deliver('new-plan', true); // App moved to the plan list; it is not mounted yet
    removePlan();
    relay.handle({ 'new-plan': () => ran.push('plan list') });
    await flush();
    expect(ran).toEqual(['plan list']);
  });

  it('drops a waiting command the next view does not handle, so it never fires later elsewhere', async () => {
    const relay = createMenuRelay();
    const ran: string[] = [];
    relay.deliver('import-survey', true);
    const remove = relay.handle({ 'export-plan': () => ran.push('plan view') });
    remove();
    relay.handle({ 'import-survey': () => ran.push('surveys') });
    await flush();
    expect(ran).toEqual([]);
  });

  it('does not keep a command that no view handles without a navigation', async () => {
    const relay = createMenuRelay();
    const ran: string[] = [];
    relay.deliver('export-plan', false); // on the plan list: nothing to export
    relay.handle({ 'export-plan': () => ran.push('export') }); // a plan opened later
    await flush();
    expect(ran).toEqual([]);
  });
});

describe('latest answer only', () => {
  function deferred<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('drops the answer of a request a newer one replaced, even when it arrives last', async () => {
    const latest = latestOnly();
    const seen: string[] = [];
    const old = deferred<string>();
    const fresh = deferred<string>();
    const a = latest.run(
      old.promise,
      (v) => seen.push(v),
      () => seen.push('error'),
    );
    const b = latest.run(
      fresh.promise,
      (v) => seen.push(v),
      () => seen.push('error'),
    );
    fresh.resolve('new filters');
    old.resolve('old filters');
    await Promise.all([a, b]);
    expect(seen).toEqual(['new filters']);
  });

  it('drops a stale failure too, and reports the latest one', async () => {
    const latest = latestOnly();
    const seen: string[] = [];
    const old = deferred<string>();
    const fresh = deferred<string>();
    const a = latest.run(
      old.promise,
      (v) => seen.push(v),
      (e) => seen.push(`error ${String(e)}`),
    );
    const b = latest.run(
      fresh.promise,
      (v) => seen.push(v),
      (e) => seen.push(`error ${String(e)}`),
    );
    old.reject('old');
    fresh.reject('new');
    await Promise.all([a, b]);
    expect(seen).toEqual(['error new']);
  });

  it('supersede() drops what is in flight (an edit answered with the newer value)', async () => {
    const latest = latestOnly();
    const seen: string[] = [];
    const reload = deferred<string>();
    const done = latest.run(
      reload.promise,
      (v) => seen.push(v),
      () => {},
    );
    latest.supersede();
    reload.resolve('before the edit');
    await done;
    expect(seen).toEqual([]);
  });
});
