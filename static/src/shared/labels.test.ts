import { JOURNEY_STAGES, SEGMENTS, SEVERITIES, SOURCE_KINDS } from '../../../src/domain/vocabulary';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS, SEVERITY_LABELS, SOURCE_KIND_LABELS } from './labels';

it('declares every vocabulary’s labels in the vocabulary’s order (zod-free pickers rely on it)', () => {
  expect(Object.keys(SEGMENT_LABELS)).toEqual([...SEGMENTS]);
  expect(Object.keys(SOURCE_KIND_LABELS)).toEqual([...SOURCE_KINDS]);
  expect(Object.keys(JOURNEY_STAGE_LABELS)).toEqual([...JOURNEY_STAGES]);
  expect(Object.keys(SEVERITY_LABELS)).toEqual([...SEVERITIES]);
});
