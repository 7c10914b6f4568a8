import {
  emptyCaptureForm,
  fieldForPath,
  mapFieldIssues,
  toCapturePayload,
  validateCapture
} from './capture-form';

const NOW = new Date('2025-06-15T12:00:00Z');

it('omits the account for an anonymous voice and optional fields left empty', () => {
  const payload = toCapturePayload({ ...emptyCaptureForm(NOW), summary: 'S' });
  expect(payload.insight).not.toHaveProperty('account');
  expect(payload.insight).not.toHaveProperty('sourceUrl');
  expect(payload.insight).not.toHaveProperty('journeyStage');
  expect(payload.insight.tags).toEqual([]);
});

it('sends an account once any account field is filled', () => {
  const payload = toCapturePayload({ ...emptyCaptureForm(NOW), summary: 'S', segment: 'smb' });
  expect(payload.insight.account).toEqual({ name: '', segment: 'smb', arr: 0 });
});

it('accepts the default form once a summary is given', () => {
  const checked = validateCapture({ ...emptyCaptureForm(NOW), summary: 'S' });
  expect(checked.fieldErrors).toEqual({});
  expect(checked.formErrors).toEqual([]);
});

it('maps contract paths to form fields', () => {
  expect(fieldForPath('insight.summary')).toBe('summary');
  expect(fieldForPath('insight.account.name')).toBe('accountName');
  expect(fieldForPath('insight.account.key')).toBe('accountName');
  expect(fieldForPath('insight.account.arr')).toBe('arr');
  expect(fieldForPath('insight.tags.3')).toBe('tags');
  expect(fieldForPath('observedAt')).toBe('observedAt');
  expect(fieldForPath('note')).toBe('note');
  expect(fieldForPath('insight.status')).toBeUndefined();
});

it('keeps the first message per field and collects the rest for the form', () => {
  expect(
    mapFieldIssues([
      { path: 'insight.summary', message: 'first' },
      { path: 'insight.summary', message: 'second' },
      { path: '', message: 'whole payload' }
    ])
  ).toEqual({ fieldErrors: { summary: 'first' }, formErrors: ['whole payload'] });
});
