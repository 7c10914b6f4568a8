import { Loading } from '../shared/Loading';

export function LoadingState(): JSX.Element {
  return <Loading what="the settings" testId="admin-loading" />;
}
