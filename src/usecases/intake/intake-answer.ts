/** What the web trigger answers: an HTTP status and a JSON body. */
export interface IntakeAnswer {
  statusCode: number;
  body: Record<string, unknown>;
}

export const answer = (statusCode: number, body: Record<string, unknown>): IntakeAnswer => ({
  statusCode,
  body
});

/**
 * One answer for every refused signature, whatever was wrong with it: a caller probing
 * the endpoint learns nothing about which part failed.
 */
export const UNAUTHORISED = answer(401, {
  error: 'UNAUTHORISED',
  message: 'The request is not signed with this source’s secret within the last five minutes.'
});

/** Unknown and disabled sources answer alike, so source ids cannot be probed for. */
export const NO_SOURCE = answer(404, { error: 'NOT_FOUND', message: 'No such intake source.' });
