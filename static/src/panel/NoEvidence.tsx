import EmptyState from '@atlaskit/empty-state';
import Button from '@atlaskit/button/default/button';

interface Props {
  canEdit: boolean;
  onAdd: () => void;
  onLink: () => void;
}

export function NoEvidence({ canEdit, onAdd, onLink }: Props): JSX.Element {
  return (
    <EmptyState
      testId="panel-empty"
      header={canEdit ? 'No customer evidence yet — add the first' : 'No customer evidence yet'}
      headingLevel={3}
      headingSize="xsmall"
      description={
        canEdit
          ? 'Link a support ticket, interview quote or NPS verbatim to show who needs this work and why.'
          : 'When someone links customer feedback to this issue, it appears here with its impact score.'
      }
      primaryAction={
        canEdit ? (
          <Button appearance="primary" onClick={onAdd} testId="empty-add-evidence">
            Add evidence
          </Button>
        ) : undefined
      }
      secondaryAction={
        canEdit ? (
          <Button onClick={onLink} testId="empty-link-existing">
            Link existing
          </Button>
        ) : undefined
      }
    />
  );
}
