import Button from '@atlaskit/button/default/button';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { LoadingState } from './LoadingState';
import { ProjectRolesForm } from './ProjectRolesForm';
import { SettingsSection } from './SettingsSection';
import { useProjectRoles } from './hooks/useProjectRoles';

/**
 * Who may change each project's evidence. Jira's own "Edit issues" is not used for this:
 * asked for a whole project, Jira grants it to anyone who may edit any one issue there.
 */
export function ProjectRolesSection(): JSX.Element {
  const { load, reload, save } = useProjectRoles();
  return (
    <SettingsSection
      title="Who may change evidence"
      description="Contributors capture, import and link insights to issues they can browse. Curators also merge, delete, dismiss and edit insights and accounts. Jira administrators and each project’s administrators are always curators; anyone who may edit an issue may also link evidence to it."
    >
      {load.status === 'loading' ? <LoadingState /> : null}
      {load.status === 'error' ? (
        <Stack space="space.100">
          <Text as="p">The project roles didn’t load: {load.error.message}</Text>
          <Button onClick={reload}>Try again</Button>
        </Stack>
      ) : null}
      {load.status === 'ready' ? (
        <Stack space="space.250">
          {load.projects.length === 0 ? <Text as="p">No projects to configure.</Text> : null}
          {load.projects.map((project) => (
            <ProjectRolesForm key={project.projectId} project={project} onSave={save} />
          ))}
        </Stack>
      ) : null}
    </SettingsSection>
  );
}
