import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The acting principal of the function invocation in progress. Forge's proxy knows
 * who invoked a function and answers `asUser()` calls as that user; the local host
 * keeps the same fact per async call chain, so parallel invocations by different
 * users never see each other's identity.
 */
export interface Invocation {
  accountId: string | undefined;
  cloudId: string;
  /**
   * The invocation that started this chain: a resolver call, a trigger run, or (for a
   * queue consumer) whatever pushed the first event. Forge's cyclic-invocation limit
   * counts push requests per origin.
   */
  origin?: string;
}

export class InvocationScope {
  private readonly storage = new AsyncLocalStorage<Invocation>();

  run<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
    return this.storage.run(invocation, fn);
  }

  current(): Invocation | undefined {
    return this.storage.getStore();
  }
}
