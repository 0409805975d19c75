/**
 * The conversation menu, opened by its button (header-menu.tsx): arrows, Home and End move; Escape closes it
 * and returns focus to the button (without closing the panel); Tab, a press outside or choosing an item close
 * it. Focus starts on the first or the last item, as the press that opened it asked.
 *
 * The entries are built each time the menu opens, so those that depend on the conversation ("Download
 * transcript" once there are messages) are current without re-rendering the header per message.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { adoptPartStyles } from '../adopt-styles';
import { useUi } from '../context';
import { Icon } from '../icon';
import menuCss from './menu.css?inline';
import { conversationMenuItems } from './menu-items';

export type MenuStart = 'first' | 'last';

export interface ConversationMenuProps {
  id: string;
  label: string;
  start: MenuStart;
  /** The button and the menu: a press outside it closes the menu. */
  wrap: RefObject<HTMLElement | null>;
  onClose(returnFocus: boolean): void;
}

export function ConversationMenu({ id, label, start, wrap, onClose }: ConversationMenuProps) {
  const ui = useUi();
  const menuRef = useRef<HTMLDivElement>(null);

  const menuItems = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const all = menuItems();
    all[(index + all.length) % all.length]?.focus();
  };

  useLayoutEffect(() => adoptPartStyles(menuRef.current, menuCss), []);

  useEffect(() => {
    focusItem(start === 'first' ? 0 : -1);
  }, [start]);

  useEffect(() => {
    const root = wrap.current?.getRootNode() as Document | ShadowRoot | undefined;
    const onPointerDown = (event: Event) => {
      if (!wrap.current?.contains(event.target as Node)) onClose(false);
    };
    root?.addEventListener('pointerdown', onPointerDown);
    return () => root?.removeEventListener('pointerdown', onPointerDown);
  }, [wrap, onClose]);

  function onKeyDown(event: KeyboardEvent): void {
    const index = menuItems().indexOf(event.target as HTMLElement);
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
        onClose(true);
        break;
      case 'Tab':
        onClose(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div ref={menuRef} id={id} class="cc-menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
      {conversationMenuItems(ui).map((item) => (
        <button
          key={item.id}
          type="button"
          class="cc-menu-item"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            onClose(false);
            item.onSelect();
          }}
        >
          {item.icon && <Icon {...item.icon} class="cc-icon-sm" />}
          <span>{item.label}</span>
        </button>
      ))}
    </div>
  );
}
