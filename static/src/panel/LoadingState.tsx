import { Loading } from '../shared/Loading';

export function LoadingState(): JSX.Element {
  return <Loading what="customer evidence" testId="panel-loading" />;
}
