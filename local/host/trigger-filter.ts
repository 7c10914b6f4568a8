import { APP_ACCOUNT_ID } from '../jira/product-events';
import { JiraExpressionEvaluationError, parseJiraExpression, type JiraExpression } from './jira-expression';

/**
 * A trigger module's `filter`, as the manifest reference describes it: `ignoreSelf`
 * drops events the app caused itself (Jira events only), `expression` drops events it
 * evaluates to false for, and `onError` says what an evaluation error does —
 * `IGNORE_AND_LOG` (the default: no invocation, a log line), `IGNORE` (no invocation)
 * or `RECEIVE_AND_LOG` (invoke anyway, and log). The expression is parsed when the
 * manifest is loaded, so syntax the local host does not know fails there, loudly.
 */
export type FilterOnError = 'IGNORE_AND_LOG' | 'IGNORE' | 'RECEIVE_AND_LOG';

export interface TriggerFilterSpec {
  ignoreSelf?: boolean;
  expression?: string;
  onError?: FilterOnError;
}

export interface TriggerFilter {
  /** Whether Forge would invoke the trigger's function for this event. */
  admits(event: Record<string, unknown>): boolean;
}

export function compileTriggerFilter(
  spec: TriggerFilterSpec | undefined,
  log: (message: string) => void = (message) => console.warn(message)
): TriggerFilter {
  if (!spec) return { admits: () => true };
  if (spec.ignoreSelf === undefined && spec.expression === undefined)
    throw new Error('A trigger filter must define ignoreSelf or expression, or both.');
  if (spec.onError !== undefined && spec.expression === undefined)
    throw new Error('A trigger filter may set onError only with an expression.');
  const expression: JiraExpression | undefined =
    spec.expression === undefined ? undefined : parseJiraExpression(spec.expression);
  const onError = spec.onError ?? 'IGNORE_AND_LOG';
  return {
    admits(event) {
      const jiraEvent = typeof event.eventType === 'string' && event.eventType.startsWith('avi:jira:');
      if (spec.ignoreSelf === true && jiraEvent && event.atlassianId === APP_ACCOUNT_ID) return false;
      if (!expression) return true;
      try {
        const result = expression.evaluate(event);
        if (typeof result !== 'boolean')
          throw new JiraExpressionEvaluationError(
            `The filter must be a Boolean, got ${JSON.stringify(result)}`
          );
        return result;
      } catch (error) {
        if (!(error instanceof JiraExpressionEvaluationError)) throw error;
        if (onError !== 'IGNORE')
          log(`Trigger filter failed on ${String(event.eventType)}: ${error.message}`);
        return onError === 'RECEIVE_AND_LOG';
      }
    }
  };
}
