import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { ProjectRolesView } from '../../../src/contract/views';
import { groupListProblem, parseGroupList } from './model/roles-form';

interface Props {
  project: ProjectRolesView;
  onSave: (projectId: string, contributors: string[], curators: string[]) => Promise<boolean>;
}

/** One project's contributor and curator groups, as comma-separated lists. */
export function ProjectRolesForm({ project, onSave }: Props): JSX.Element {
  const prefix = useId();
  const [contributors, setContributors] = useState(project.contributors.join(', '));
  const [curators, setCurators] = useState(project.curators.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const lists = { contributors: parseGroupList(contributors), curators: parseGroupList(curators) };
    const invalid = groupListProblem(lists.contributors) ?? groupListProblem(lists.curators);
    setProblem(invalid);
    if (invalid !== null) return;
    setSaving(true);
    if (await onSave(project.projectId, lists.contributors, lists.curators)) {
      setContributors(lists.contributors.join(', '));
      setCurators(lists.curators.join(', '));
    }
    setSaving(false);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Roles in ${project.projectKey}`}>
      <Stack space="space.100">
        <Text as="p" weight="semibold">
          {project.projectKey}
        </Text>
        <Inline space="space.200" shouldWrap alignBlock="end">
          <Box style={{ minWidth: '16rem' }}>
            <Label htmlFor={`${prefix}-contributors`}>Contributor groups in {project.projectKey}</Label>
            <Textfield
              id={`${prefix}-contributors`}
              value={contributors}
              onChange={(e) => setContributors(e.currentTarget.value)}
              placeholder="e.g. customer-success"
              autoComplete="off"
            />
          </Box>
          <Box style={{ minWidth: '16rem' }}>
            <Label htmlFor={`${prefix}-curators`}>Curator groups in {project.projectKey}</Label>
            <Textfield
              id={`${prefix}-curators`}
              value={curators}
              onChange={(e) => setCurators(e.currentTarget.value)}
              placeholder="e.g. cx-leads"
              autoComplete="off"
            />
          </Box>
          <Button type="submit" isLoading={saving}>
            Save roles for {project.projectKey}
          </Button>
        </Inline>
        <Box aria-live="polite">
          {problem === null ? (
            <HelperMessage>
              Jira group names, separated by commas, exactly as Jira administration shows them.
            </HelperMessage>
          ) : (
            <ErrorMessage>{problem}</ErrorMessage>
          )}
        </Box>
      </Stack>
    </form>
  );
}
