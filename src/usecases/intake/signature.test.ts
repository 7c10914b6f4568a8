import { signIntakeBody, verifyIntakeSignature } from './signature';

const secret = 'a'.repeat(64);
const body = '{"ticket":{"id":1}}';
const now = new Date('2026-12-01T12:00:00Z');
const ts = String(now.getTime() / 1000);

describe('intake signature', () => {
  it('accepts the signature of the body at its timestamp', () => {
    const signature = signIntakeBody(secret, ts, body);
    expect(verifyIntakeSignature({ secret, timestamp: ts, signature, rawBody: body, now })).toEqual({
      ok: true
    });
  });

  it('refuses a changed body, another secret, or a signature moved to a new timestamp', () => {
    const signature = signIntakeBody(secret, ts, body);
    const check = (over: Partial<Parameters<typeof verifyIntakeSignature>[0]>) =>
      verifyIntakeSignature({ secret, timestamp: ts, signature, rawBody: body, now, ...over });
    expect(check({ rawBody: `${body} ` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ secret: 'b'.repeat(64) })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ timestamp: String(Number(ts) + 1) })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp more than five minutes away, either way', () => {
    for (const offset of [-301, 301]) {
      const t = String(Number(ts) + offset);
      const signature = signIntakeBody(secret, t, body);
      expect(verifyIntakeSignature({ secret, timestamp: t, signature, rawBody: body, now })).toEqual({
        ok: false,
        reason: 'stale'
      });
    }
    const t = String(Number(ts) - 299);
    const signature = signIntakeBody(secret, t, body);
    expect(verifyIntakeSignature({ secret, timestamp: t, signature, rawBody: body, now }).ok).toBe(true);
  });

  it('refuses missing and malformed headers', () => {
    const signature = signIntakeBody(secret, ts, body);
    expect(verifyIntakeSignature({ secret, timestamp: undefined, signature, rawBody: body, now }).ok).toBe(
      false
    );
    expect(
      verifyIntakeSignature({ secret, timestamp: ts, signature: signature.slice(7), rawBody: body, now })
    ).toEqual({ ok: false, reason: 'malformed' });
  });
});
