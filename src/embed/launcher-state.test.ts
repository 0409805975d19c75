// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawLauncher } from './launcher';
import { driveLauncher } from './launcher-state';

function setUp() {
  const host = document.body.appendChild(document.createElement('captivate-chat'));
  const drawn = drawLauncher(host.attachShadow({ mode: 'open' }), 'Open chat');
  const siteButton = document.body.appendChild(document.createElement('button'));
  return { drawn, launcher: driveLauncher(drawn), siteButton };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('driveLauncher', () => {
  it('says open or closed, and counts unread messages while closed', () => {
    const { drawn, launcher } = setUp();
    launcher.setUnread(3, '3 unread messages');
    expect(drawn.button.getAttribute('aria-label')).toBe('Open chat, 3 unread messages');
    launcher.setOpen(true);
    expect(drawn.button.getAttribute('aria-expanded')).toBe('true');
    expect(drawn.button.getAttribute('aria-label')).toBe('Open chat');
  });

  it('gives focus back to the launcher when it is drawn', () => {
    const { drawn, launcher, siteButton } = setUp();
    vi.spyOn(drawn.button, 'getClientRects').mockReturnValue([new DOMRect()] as unknown as DOMRectList);
    siteButton.focus();
    launcher.setOpen(true);
    launcher.setOpen(false);
    launcher.focus();
    expect((drawn.button.getRootNode() as ShadowRoot).activeElement).toBe(drawn.button);
  });

  it('gives focus back to what opened the panel when no launcher is drawn', () => {
    const { drawn, launcher, siteButton } = setUp();
    drawn.button.hidden = true;
    siteButton.focus();
    launcher.setOpen(true);
    siteButton.blur();
    launcher.setOpen(false);
    launcher.focus();
    expect(document.activeElement).toBe(siteButton);
  });
});
