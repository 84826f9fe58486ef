// Process-wide state, in one place. The production web process loads lib/ twice (Next's bundle
// and the publish fast path's own import, server/web-server.ts), and Next re-evaluates modules
// on every change in development: a module-level variable would exist once per copy. Whatever
// must be one per process (the database pool, the id generator's last id, the group-commit
// queues, caches, rate-limit buckets) is therefore kept here, on globalThis, by name; the first
// copy to ask creates it and every other copy gets the same object.
// test/unit/process-state.test.ts fails when top-level mutable state appears anywhere else in lib/.

const STORE = Symbol.for("hookline.process-state");

function store(): Map<string, unknown> {
  const holder = globalThis as { [STORE]?: Map<string, unknown> };
  return (holder[STORE] ??= new Map<string, unknown>());
}

/**
 * The process's one value called `name`, made by `create` the first time any copy of lib/ asks
 * for it. Each name belongs to one call site (the test checks), so its type is that site's.
 * A `create` that throws stores nothing: the next call tries again.
 */
export function processState<T>(name: string, create: () => T): T {
  const values = store();
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}

/** Removes the value called `name` and returns it (when closing it, or in tests); the next `processState` call makes a new one. */
export function dropProcessState<T>(name: string): T | undefined {
  const values = store();
  const value = values.get(name) as T | undefined;
  values.delete(name);
  return value;
}
