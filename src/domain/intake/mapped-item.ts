/**
 * One item of a delivery as a preset reads it: the sender's id for it (the key of
 * idempotency within its source) and the capture input it describes, still unchecked:
 * the capture schema (InsightInputSchema) validates it like any other capture.
 */
export interface MappedItem {
  externalId: string;
  insight: Record<string, unknown>;
  /** The sender dates nothing: the item is dated at its first receipt, and a redelivery keeps that date. */
  undated?: true;
  /**
   * The Jira Service Management request it is (JSM preset): its key, and its issue id
   * when the sender gave it. Kept on the insight so the request is told when work ships.
   */
  request?: { issueKey: string; issueId?: string };
}

/** The limit on an external id: ticket and conversation ids are far shorter. */
export const EXTERNAL_ID_MAX = 200;
