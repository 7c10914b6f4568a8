import type { ToldRequestView } from '../../../../src/contract/views';
import { formatDate, formatRelative } from '../../shared/format';

interface Props {
  told: readonly ToldRequestView[];
}

/** Service requests the app told that this work shipped: each key, and when (inside a Text). */
export function ToldRequests({ told }: Props): JSX.Element {
  return (
    <>
      {told.map((request, index) => (
        <span key={request.requestKey}>
          {index > 0 ? ', ' : null}
          {request.requestKey}{' '}
          <span title={formatDate(request.toldAt)}>(told {formatRelative(request.toldAt)})</span>
        </span>
      ))}
    </>
  );
}
