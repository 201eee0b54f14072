import { useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  body: string;
  /** The confirming button's label: what will happen. */
  action: string;
  isBusy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal confirmation (the native `<dialog>`: focus is kept inside, Escape cancels). Focus starts on Cancel, so
 * a stray Enter never confirms a destructive action.
 */
export function ConfirmDialog({ title, body, action, isBusy = false, onConfirm, onCancel }: Props) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // After showModal, which would otherwise focus the first button (React's autoFocus runs before it).
    cancel.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-b`}
      className="card"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h3 id={`${id}-t`}>{title}</h3>
      <p id={`${id}-b`}>{body}</p>
      <div className="row">
        <button type="button" className="danger" onClick={onConfirm} disabled={isBusy} aria-busy={isBusy}>
          {action}
        </button>
        <button type="button" onClick={onCancel} ref={cancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
