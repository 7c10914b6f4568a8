import { fingerprint } from './fingerprint';

/** The reference FNV-1a 64-bit the stored fingerprints were made with (BigInt, one byte at a time). */
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  const mix = (byte: number): void => {
    h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    mix(unit & 0xff);
    if (unit > 0xff) mix(unit >> 8);
  }
  return h.toString(16).padStart(16, '0');
}

describe('fingerprint', () => {
  it('matches FNV-1a 64-bit of the canonical JSON, so stored fingerprints stay valid', () => {
    const samples: unknown[] = [
      '',
      'a',
      'Month-end close export times out',
      { b: 1, a: [1, 'zwei', { ü: 'ß' }] },
      'Zahlungsavis kommt für nordische Banken unleserlich an — 数据 🚀',
      'x'.repeat(5000)
    ];
    // The published FNV-1a 64-bit test vectors anchor the reference itself.
    expect(reference('')).toBe('cbf29ce484222325');
    expect(reference('a')).toBe('af63dc4c8601ec8c');
    for (const value of samples) expect(fingerprint(value)).toBe(reference(canonical(value)));
    for (let seed = 1; seed <= 300; seed += 1) {
      const text = Array.from({ length: seed % 40 }, (_, i) =>
        String.fromCharCode((seed * 7919 + i * 104729) % 0xd7ff)
      ).join('');
      expect(fingerprint(text)).toBe(reference(canonical(text)));
    }
  });
});

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
