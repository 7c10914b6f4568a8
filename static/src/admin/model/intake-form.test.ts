import { emptyIntakeForm, intakePayload, placeIntakeIssues } from './intake-form';

describe('intake source form', () => {
  it('sends a preset source with its name and project', () => {
    const state = { ...emptyIntakeForm(), name: 'Help desk', projectId: '10000', preset: 'zendesk' as const };
    expect(intakePayload(state)).toEqual({
      name: 'Help desk',
      projectId: '10000',
      mapping: { preset: 'zendesk' }
    });
  });

  it('sends the field paths of a generic source, leaving blank optional ones out', () => {
    const state = emptyIntakeForm();
    state.preset = 'generic';
    state.paths.externalId = ' response.id ';
    state.paths.summary = 'response.title';
    state.paths.accountName = 'org.name';
    state.sourceKind = 'survey';
    expect(intakePayload(state).mapping).toEqual({
      preset: 'generic',
      fieldPaths: {
        externalId: 'response.id',
        summary: 'response.title',
        accountName: 'org.name',
        sourceKind: 'survey'
      }
    });
  });

  it('places problems on the field they are about', () => {
    expect(
      placeIntakeIssues([
        { path: 'name', message: 'Give the source a name.' },
        { path: 'mapping.fieldPaths.summary', message: 'Use a dotted path' },
        { path: 'mapping.preset', message: 'Invalid input' },
        { path: 'name', message: 'second' }
      ])
    ).toEqual({ name: 'Give the source a name.', summary: 'Use a dotted path', preset: 'Invalid input' });
  });
});
