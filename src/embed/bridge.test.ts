import { describe, expect, it, vi } from 'vitest';
import { createBridge } from './bridge';
import type { WidgetController } from './controller';

const ORIGIN = 'https://host.example';

function setup() {
  const posted: Array<{ data: Record<string, unknown>; origin: string }> = [];
  const parent = {
    postMessage: (data: Record<string, unknown>, origin: string) => posted.push({ data, origin }),
  };
  let listener: ((event: MessageEvent) => void) | undefined;
  const win = {
    parent,
    addEventListener: (_: string, fn: (event: MessageEvent) => void) => {
      listener = fn;
    },
    removeEventListener() {},
  } as unknown as Window;
  const controller = {
    getMetadata: vi.fn(async () => ({ plan: 'gold' })),
    deleteConversation: vi.fn(),
    open: vi.fn(),
  } as unknown as WidgetController;
  const bridge = createBridge(win, [ORIGIN]);
  const command = (data: Record<string, unknown>, origin = ORIGIN) =>
    listener!({
      source: parent,
      origin,
      data: { source: 'captivate-chat', type: 'command', ...data },
    } as never);
  return { bridge, controller, posted, command };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('bridge results', () => {
  it('answers a command that carries an id, to the origin that sent it', async () => {
    const s = setup();
    s.bridge.attach(s.controller);
    s.command({ command: 'getMetadata', id: 7 });
    s.command({ command: 'deleteConversation', args: ['c-1'], id: 'd' });
    s.command({ command: 'open' });
    s.command({ command: 'deleteConversation', args: [42], id: 'bad' });
    await flush();
    expect(s.controller.deleteConversation).toHaveBeenCalledWith('c-1');
    expect(s.posted).toHaveLength(3);
    expect(s.posted.map((p) => [p.data, p.origin])).toEqual(
      expect.arrayContaining([
        [{ source: 'captivate-chat', type: 'result', id: 'd' }, ORIGIN],
        [
          {
            source: 'captivate-chat',
            type: 'result',
            id: 'bad',
            error: 'deleteConversation: invalid command or arguments',
          },
          ORIGIN,
        ],
        [{ source: 'captivate-chat', type: 'result', id: 7, value: { plan: 'gold' } }, ORIGIN],
      ]),
    );
  });

  it('answers commands queued before the widget was ready, and reports rejections', async () => {
    const s = setup();
    (s.controller.getMetadata as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('timed out'));
    s.command({ command: 'getMetadata', id: 1 });
    s.command({ command: 'getMetadata', id: 2 }, 'https://evil.example');
    s.bridge.attach(s.controller);
    await flush();
    expect(s.posted.map((p) => p.data)).toEqual([
      { source: 'captivate-chat', type: 'result', id: 1, error: 'timed out' },
    ]);
  });
});
