import { webTrigger } from '@forge/api';
import { UpstreamError } from '../domain/errors';

/** The manifest's key of the evidence intake web trigger. */
const INTAKE_TRIGGER_KEY = 'evidence-intake';

/**
 * The intake web trigger's URL on this installation. Forge keeps it stable per module
 * key, app, site and environment (web trigger runtime API, "Get a URL"), so it is asked
 * for rather than stored; a source's URL is this plus `/<sourceId>`.
 */
export async function intakeTriggerUrl(): Promise<string> {
  try {
    return await webTrigger.getUrl(INTAKE_TRIGGER_KEY);
  } catch {
    throw new UpstreamError('Forge did not give the intake web trigger URL.');
  }
}
