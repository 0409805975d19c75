/**
 * A menu button and its menu (WAI-ARIA menu button pattern): Enter, Space or ArrowDown open it on the first
 * item, ArrowUp on the last; arrows, Home and End move; Escape closes it and returns focus to the button
 * (without closing the panel); Tab, a click outside or choosing an item close it.
 *
 * The items are asked for each time the menu renders open, so entries that depend on the conversation
 * ("Download transcript" once there are messages) are current without re-rendering the header per message.
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Icon } from '../icon';
import type { MenuItem } from './menu-items';

export interface HeaderMenuProps {
  label: string;
  items: () => MenuItem[];
  /** The menu button, for callers that return focus to it later. */
  buttonRef?: RefObject<HTMLButtonElement | null>;
}

export function HeaderMenu({ label, items, buttonRef: givenRef }: HeaderMenuProps) {
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<'first' | 'last'>('first');
  const wrapRef = useRef<HTMLDivElement>(null);
  const ownRef = useRef<HTMLButtonElement>(null);
  const buttonRef = givenRef ?? ownRef;
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const menuItems = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const all = menuItems();
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    focusItem(start === 'first' ? 0 : -1);
    const root = wrapRef.current?.getRootNode() as Document | ShadowRoot | undefined;
    const onPointerDown = (event: Event) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    root?.addEventListener('pointerdown', onPointerDown);
    return () => root?.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function openAt(where: 'first' | 'last'): void {
    setStart(where);
    setOpen(true);
  }

  function close(returnFocus: boolean): void {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent): void {
    const all = menuItems();
    const index = all.indexOf(event.target as HTMLElement);
    switch (event.key) {
      case 'ArrowDown':
        focusItem(index + 1);
        break;
      case 'ArrowUp':
        focusItem(index - 1);
        break;
      case 'Home':
        focusItem(0);
        break;
      case 'End':
        focusItem(-1);
        break;
      case 'Escape':
        // Handled here: the panel's own Escape (close the chat) must not run as well.
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
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
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            close(true);
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          class="cc-menu"
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
        >
          {items().map((item) => (
            <button
              key={item.id}
              type="button"
              class="cc-menu-item"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.icon && <Icon name={item.icon} class="cc-icon-sm" />}
              <span>{item.label}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
