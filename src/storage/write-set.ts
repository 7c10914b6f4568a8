import { Filter, FilterConditions, kvs } from '@forge/kvs';

type TransactionBuilder = ReturnType<typeof kvs.transact>;
import type { Account } from '../domain/account';
import { LimitExceededError } from '../domain/errors';
import type { Insight } from '../domain/insight';
import { ENTITY, groupKey, KVS_LIMITS, linkKey } from './entities';
import { guarded } from './kvs-failure';
import { accountToRecord, insightToRecord, type GroupRecord, type LinkRecord } from './records';

/**
 * The writes of one use case, committed as one Forge KVS transaction so they land
 * together or not at all. Every write states what its author read: the row's `version`
 * then, or that it was absent. If another writer changed it meanwhile, the whole
 * transaction is rejected (CONFLICT) and the use case retries with fresh data. There is
 * no unconditioned write: a blind write could bring back a row a concurrent writer
 * removed (a link unlinked while its note was being edited).
 *
 * `{ version: 0 }` is a row stored before the entity carried a version (links written
 * by earlier releases): it must exist and still have no version.
 */
export type Expect = { version: number } | 'absent';

interface Versioned {
  version?: number;
}

type Staged = (tx: TransactionBuilder) => void;

/**
 * How a write's condition tells a present row from an absent one: an attribute every
 * stored row of the entity has (a missing row has no attributes at all).
 */
export interface RowShape {
  presentAttribute: string;
}

const VERSIONED: RowShape = { presentAttribute: 'version' };
/** Link rows written before links were versioned have no `version`, but every link has `linkedAt`. */
export const LINK_ROW: RowShape = { presentAttribute: 'linkedAt' };

export class WriteSet {
  private readonly staged: Staged[] = [];
  private readonly checked = new Set<string>();

  /** Writes a row, on condition that it is still as its author read it. */
  put<T extends Versioned>(
    entityName: string,
    key: string,
    value: T,
    expect: Expect,
    shape: RowShape = VERSIONED
  ): this {
    const conditions = conditionFor<T>(expect, shape);
    this.staged.push((tx) => {
      tx.set<T>(key, value, { entityName, conditions });
    });
    return this;
  }

  /** Deletes a row, on condition that it is still as its author read it. */
  remove<T extends Versioned>(
    entityName: string,
    key: string,
    expect: Expect,
    shape: RowShape = VERSIONED
  ): this {
    const conditions = conditionFor<T>(expect, shape);
    this.staged.push((tx) => {
      tx.delete<T>(key, { entityName, conditions });
    });
    return this;
  }

  /** Writes nothing, but the transaction lands only if this row is still as its author read it. */
  check<T extends Versioned>(
    entityName: string,
    key: string,
    expect: Expect,
    shape: RowShape = VERSIONED
  ): this {
    // A transaction names each row once: two issues scored with one account check it once.
    const id = JSON.stringify([entityName, key]);
    if (this.checked.has(id)) return this;
    this.checked.add(id);
    const conditions = conditionFor<T>(expect, shape);
    this.staged.push((tx) => {
      tx.check<T>(key, { entityName, conditions });
    });
    return this;
  }

  // The evidence rows by type: use cases say what they write, and only storage knows
  // which entity, key and record shape that is.

  /** Writes an insight (with its stored form), on condition it is as read. */
  putInsight(insight: Insight, expect: Expect): this {
    return this.put(ENTITY.insight, insight.id, insightToRecord(insight), expect);
  }

  removeInsight(insightId: string, expect: Expect): this {
    return this.remove(ENTITY.insight, insightId, expect);
  }

  /** Writes a link; its version moves on from the one read (1 for a new link). */
  putLink(link: LinkRecord, expect: Expect): this {
    const version = expect === 'absent' ? 1 : expect.version + 1;
    return this.put(
      ENTITY.link,
      linkKey(link.issueId, link.insightId),
      { ...link, version },
      expect,
      LINK_ROW
    );
  }

  removeLink(issueId: string, insightId: string, expect: Expect): this {
    return this.remove(ENTITY.link, linkKey(issueId, insightId), expect, LINK_ROW);
  }

  putAccount(account: Account, expect: Expect): this {
    return this.put(ENTITY.account, account.key, accountToRecord(account), expect);
  }

  removeAccount(accountKey: string, expect: Expect): this {
    return this.remove(ENTITY.account, accountKey, expect);
  }

  /** Lands only if the account is still the version a score was computed with. */
  checkAccount(account: Pick<Account, 'key' | 'version'>): this {
    return this.check(ENTITY.account, account.key, { version: account.version });
  }

  /** Writes an issue's evidence group for one account (or anonymous insight). */
  putGroup(group: GroupRecord, expect: Expect): this {
    return this.put(ENTITY.evidenceGroup, groupKey(group.issueId, group.group), group, expect);
  }

  removeGroup(issueId: string, group: string, expect: Expect): this {
    return this.remove(ENTITY.evidenceGroup, groupKey(issueId, group), expect);
  }

  /**
   * Writes a plain key-value row under a key made unique for this write (a history
   * entry): there is nothing it could overwrite, so it needs no condition, and it lands
   * if and only if the rest of the transaction does.
   */
  putNew<T extends object>(key: string, value: T): this {
    this.staged.push((tx) => {
      tx.set<T>(key, value);
    });
    return this;
  }

  /**
   * Writes (or, with undefined, deletes) a plain value that belongs to a row this same
   * transaction writes on condition: that row's condition guards both, so this one needs
   * none of its own.
   */
  putBeside<T extends object>(key: string, value: T | undefined): this {
    this.staged.push((tx) => {
      if (value === undefined) tx.delete(key);
      else tx.set<T>(key, value);
    });
    return this;
  }

  /**
   * Writes (or, with undefined, deletes) an entity row that only ever changes together
   * with a row this transaction writes on condition (an issue's card index beside its
   * impact): that condition guards both.
   */
  setBeside<T extends object>(entityName: string, key: string, value: T | undefined): this {
    this.staged.push((tx) => {
      if (value === undefined) tx.delete(key, { entityName });
      else tx.set<T>(key, value, { entityName });
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

function conditionFor<T extends Versioned>(expect: Expect, shape: RowShape): ReturnType<Filter<T>['and']> {
  const filter = new Filter<T>();
  // Attribute names are checked by the entity store against the manifest.
  const present = shape.presentAttribute as keyof T;
  const version = 'version' as keyof T;
  if (expect === 'absent') return filter.and(present, FilterConditions.notExists());
  if (expect.version === 0) {
    // A row from before versions: present, and not rewritten since (a rewrite adds one).
    const unversioned = filter.and(version, FilterConditions.notExists());
    return present === version ? unversioned : unversioned.and(present, FilterConditions.exists());
  }
  return filter.and(version, FilterConditions.equalTo(expect.version));
}
