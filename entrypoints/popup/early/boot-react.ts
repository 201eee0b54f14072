import { EARLY_INPUT_ID } from '@/lib/newest-snapshot/paint';

/**
 * With nobody typing, React boots this long after the early paint. Long enough that someone who opened the
 * popup to search has started typing (the boot, once begun, cannot be interrupted); a click or an arrow key
 * meanwhile boots it at once.
 */
const IDLE_BOOT = 500;
/** While the user types into the early box, React's boot waits for a pause this long. */
const TYPING_PAUSE = 400;
/** Keys the early box does not answer itself: they boot React at once and are handed to it. */
const REACT_KEYS = new Set(['Enter', 'ArrowUp', 'ArrowDown', 'Escape', ' ']);

/** What the user did that needs React, replayed on React's page once it has replaced the early one. */
type Pending = { kind: 'key'; key: string } | { kind: 'click'; noteId: string | null; label: string };

/**
 * Schedules React's boot (`load`: about 250 ms of main thread for React, Dexie and zod) so it never lands in
 * the middle of typing: the early page answers keystrokes itself (early-search), and React boots after the
 * paint when nobody types, at the first pause in typing, or at once when the user does something only React
 * does (a click, Enter, the arrows). That action is not lost: it is replayed on React's page once it is up.
 */
export function scheduleReactBoot(root: HTMLElement, load: () => Promise<unknown>): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isBooting = false;
  let pending: Pending | null = null;

  const boot = () => {
    if (isBooting) return;
    isBooting = true;
    clearTimeout(timer);
    void load().then(() =>
      afterTakeover(root, () => {
        root.removeEventListener('input', onInput, true);
        root.removeEventListener('keydown', onKey, true);
        root.removeEventListener('click', onClick, true);
        if (pending) replay(root, pending);
      }),
    );
  };
  const later = (ms: number) => {
    if (isBooting) return;
    clearTimeout(timer);
    timer = setTimeout(boot, ms);
  };
  const onInput = () => later(TYPING_PAUSE);
  const onKey = (e: KeyboardEvent) => {
    if (!REACT_KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as Element | null;
    if (target?.id === EARLY_INPUT_ID) {
      if (e.key === ' ') return; // a space typed into the query
      pending = { kind: 'key', key: e.key };
    } else if (target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) pending = clickOf(target);
    else return;
    e.preventDefault();
    boot();
  };
  const onClick = (e: MouseEvent) => {
    const button = (e.target as Element | null)?.closest('button');
    if (!button) return;
    e.preventDefault();
    pending = clickOf(button);
    boot();
  };
  root.addEventListener('input', onInput, true);
  root.addEventListener('keydown', onKey, true);
  root.addEventListener('click', onClick, true);
  later(IDLE_BOOT);
}

const clickOf = (button: HTMLButtonElement): Pending => ({
  kind: 'click',
  noteId: button.closest('article')?.id ?? null,
  label: button.textContent ?? '',
});

/** Runs `then` once React's first commit has replaced the early page (its box is gone). */
function afterTakeover(root: HTMLElement, then: () => void) {
  const check = () => (root.querySelector(`#${EARLY_INPUT_ID}`) ? requestAnimationFrame(check) : then());
  check();
}

/** The same key on React's (focused) search box, or a click on the button with the same label in the same card. */
function replay(root: HTMLElement, action: Pending) {
  if (action.kind === 'key') {
    const box = root.querySelector<HTMLInputElement>('input[type="search"]');
    box?.dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true, cancelable: true }));
    return;
  }
  const scope = action.noteId ? [...root.querySelectorAll('article')].find((a) => a.id === action.noteId) : root;
  const button = [...(scope?.querySelectorAll('button') ?? [])].find((b) => b.textContent === action.label);
  button?.focus();
  button?.click();
}
