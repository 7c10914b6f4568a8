import { useId, useState, type FormEvent } from 'react';
import type { ActionResult } from '../action-result';
import {
  emptyCaptureForm,
  firstInvalidField,
  mapFieldIssues,
  validateCapture,
  type CaptureField,
  type CaptureFormValues,
  type CapturePayload,
  type FieldErrors
} from './capture-form';

export interface CaptureFormState {
  values: CaptureFormValues;
  errors: FieldErrors;
  /** Problems that belong to no field (or a server message without field issues). */
  formErrors: string[];
  submitting: boolean;
  idOf: (field: CaptureField) => string;
  set: <F extends CaptureField>(field: F, value: CaptureFormValues[F]) => void;
  submit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
}

/**
 * State and submission of the capture form: validates with the resolver's own
 * schema first, then puts the server's field issues on the same fields, and moves
 * focus to the first field that needs attention.
 */
export function useCaptureForm(
  onSubmit: (payload: CapturePayload) => ActionResult,
  onDone: () => void,
  withNote = true
): CaptureFormState {
  const [values, setValues] = useState<CaptureFormValues>(() => emptyCaptureForm());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const prefix = useId();
  const idOf = (field: CaptureField): string => `${prefix}-${field}`;

  const set = <F extends CaptureField>(field: F, value: CaptureFormValues[F]): void => {
    setValues((v) => ({ ...v, [field]: value }));
    // An edited field's old message no longer describes it.
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const showErrors = (fieldErrors: FieldErrors, general: string[]): void => {
    setErrors(fieldErrors);
    setFormErrors(general);
    const first = firstInvalidField(fieldErrors);
    if (first !== undefined) document.getElementById(idOf(first))?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const checked = validateCapture(values, withNote);
    if (Object.keys(checked.fieldErrors).length > 0 || checked.formErrors.length > 0) {
      showErrors(checked.fieldErrors, checked.formErrors);
      return;
    }
    setSubmitting(true);
    const failure = await onSubmit(checked.payload);
    setSubmitting(false);
    if (failure === null) {
      onDone();
      return;
    }
    const mapped = mapFieldIssues(failure.fieldIssues);
    const placed = mapped.formErrors.length > 0 || Object.keys(mapped.fieldErrors).length > 0;
    showErrors(mapped.fieldErrors, placed ? mapped.formErrors : [failure.message]);
  };

  return { values, errors, formErrors, submitting, idOf, set, submit };
}
