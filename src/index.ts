// Forge entry points, in manifest order. Exports only.
export { panelResolver } from './handlers/panel-resolver';
export { projectResolver } from './handlers/project-resolver';
export { adminResolver } from './handlers/admin-resolver';
export { syncConsumer } from './handlers/sync-consumer';
export { dailyRefresh } from './handlers/daily-refresh';
export { rescoreWatchdog } from './handlers/rescore-watchdog';
export { issueEventsTrigger } from './handlers/issue-events-trigger';
export { intakeWebTrigger } from './handlers/intake-webtrigger';
export { findCustomerEvidence, captureCustomerInsight } from './handlers/rovo-actions';
