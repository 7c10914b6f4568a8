import { Filter, FilterConditions, kvs } from '@forge/kvs';

type TransactionBuilder = ReturnType<typeof kvs.transact>;
import { LimitExceededError } from '../domain/errors';
import { KVS_LIMITS } from './entities';
import { guarded } from './kvs-failure';

/**
 * The writes of one use case, committed as one Forge KVS transaction so they land
 * together or not at all. A write may expect the row's current `version` (optimistic
 * concurrency) or its absence: if another writer changed it meanwhile, the whole
 * transaction is rejected (CONFLICT) and the use case retries with fresh data.
 */
export type Expect = { version: number } | 'absent' | 'any';

interface Versioned {
  version: number;
}

type Staged = (tx: TransactionBuilder) => void;

export class WriteSet {
  private readonly staged: Staged[] = [];

  /** Writes a row whose concurrent changes must not be lost. */
  put<T extends Versioned>(entityName: string, key: string, value: T, expect: Expect): this {
    const conditions = conditionFor<T>(expect);
    this.staged.push((tx) => {
      if (conditions) tx.set<T>(key, value, { entityName, conditions });
      else tx.set<T>(key, value, { entityName });
    });
    return this;
  }

  /** Writes a row that is identified by its key alone (a link): last writer wins. */
  putPlain<T extends object>(entityName: string, key: string, value: T): this {
    this.staged.push((tx) => {
      tx.set<T>(key, value, { entityName });
    });
    return this;
  }

  remove<T extends Versioned>(entityName: string, key: string, expect: Expect): this {
    const conditions = conditionFor<T>(expect);
    this.staged.push((tx) => {
      if (conditions) tx.delete<T>(key, { entityName, conditions });
      else tx.delete<T>(key, { entityName });
    });
    return this;
  }

  removePlain(entityName: string, key: string): this {
    this.staged.push((tx) => {
      tx.delete(key, { entityName });
    });
    return this;
  }

  get size(): number {
    return this.staged.length;
  }

  async commit(): Promise<void> {
    if (this.staged.length === 0) return;
    if (this.staged.length > KVS_LIMITS.transactionOps) {
      throw new LimitExceededError(
        `A change may touch at most ${KVS_LIMITS.transactionOps} records; this one needs ${this.staged.length}.`
      );
    }
    const tx = kvs.transact();
    for (const stage of this.staged) stage(tx);
    await guarded(() => tx.execute());
  }
}

function conditionFor<T extends Versioned>(expect: Expect): ReturnType<Filter<T>['and']> | undefined {
  if (expect === 'any') return undefined;
  // A missing row has no `version`, so "absent" is expressed as NOT_EXISTS on it.
  return new Filter<T>().and(
    'version',
    expect === 'absent' ? FilterConditions.notExists() : FilterConditions.equalTo(expect.version)
  );
}
