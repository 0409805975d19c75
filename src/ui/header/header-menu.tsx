/**
 * The conversation menu's button (WAI-ARIA menu button pattern): Enter, Space or ArrowDown open the menu on
 * its first item, ArrowUp on its last; Escape closes it and returns focus here (without closing the panel).
 *
 * The menu itself (conversation-menu.tsx, with its entries and the confirmation dialog) is a chunk of its own,
 * wanted as soon as the pointer comes over the button or the button takes focus, at the latest by the press
 * that opens it: a press asks for the menu, which shows, focus on its first or last item, once the chunk is
 * here. If the chunk cannot be fetched (offline) the press is dropped, the button stays collapsed, and the
 * next press fetches again.
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Icon } from '../icon';
import type { MenuStart } from './conversation-menu';
import { menuChunk } from './lazy-menu';

export interface HeaderMenuProps {
  label: string;
  /** The menu button, for callers that return focus to it later. */
  buttonRef: RefObject<HTMLButtonElement | null>;
}

export function HeaderMenu({ label, buttonRef }: HeaderMenuProps) {
  // What the visitor asked for: the menu open on its first or last item; shown once the chunk is here.
  const [asked, setAsked] = useState<MenuStart | undefined>(undefined);
  const chunk = menuChunk.current.value;
  const open = asked !== undefined && chunk !== undefined;
  const wrapRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (asked === undefined || chunk) return;
    let live = true;
    menuChunk.load().catch(() => live && setAsked(undefined));
    return () => {
      live = false;
    };
  }, [asked, chunk]);

  function close(returnFocus: boolean): void {
    setAsked(undefined);
    if (returnFocus) buttonRef.current?.focus();
  }

  return (
    <div class="cc-menu-wrap" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        class="cc-icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onPointerEnter={menuChunk.want}
        onFocus={menuChunk.want}
        onClick={() => (open ? close(false) : setAsked('first'))}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            close(true);
          } else if (event.key === 'Escape') {
            setAsked(undefined); // not shown yet: only the press is dropped, the panel's Escape runs too
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setAsked(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        <Icon name="more" />
      </button>
      {open && (
        <chunk.ConversationMenu id={menuId} label={label} start={asked} wrap={wrapRef} onClose={close} />
      )}
    </div>
  );
}
