import Button from '@atlaskit/button/default/button';
import { Inline } from '@atlaskit/primitives/compiled';
import { CURVE_LABELS } from './model/curve-labels';
import { REVENUE_CURVES, type RevenueCurve } from './model/scoring-form';

interface Props {
  /** The group's id: focus lands on it when the server rejects the curve. */
  id: string;
  /** The id of the group's label. */
  labelledBy: string;
  /** The id of what the chosen curve does (or why it was rejected). */
  describedBy: string;
  value: RevenueCurve;
  onChange: (value: RevenueCurve) => void;
}

/**
 * The revenue curve as three toggle buttons (`aria-pressed`), all visible at once.
 * Not an Atlaskit Select: for three fixed choices it adds react-select and its popup
 * layer (~30 KB gzip) to the page for a menu that hides the options.
 */
export function CurveChoice({ id, labelledBy, describedBy, value, onChange }: Props): JSX.Element {
  return (
    <div id={id} tabIndex={-1} role="group" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      <Inline space="space.050" shouldWrap>
        {REVENUE_CURVES.map((curve) => (
          <Button
            key={curve}
            isSelected={curve === value}
            aria-pressed={curve === value}
            onClick={() => onChange(curve)}
          >
            {CURVE_LABELS[curve]}
          </Button>
        ))}
      </Inline>
    </div>
  );
}
