import { describe, expect, it, vi } from 'vitest';
import { createFrameQueue } from './frame-queue';

/** A frame handler whose frames named `slow…` take until the test finishes them. */
function setup() {
  const handled: string[] = [];
  const finish = new Map<string, (ok: boolean) => void>();
  const queue = createFrameQueue<string>((frame) => {
    handled.push(frame);
    if (!frame.startsWith('slow')) return undefined;
    return new Promise((resolve, reject) =>
      finish.set(frame, (ok) => (ok ? resolve(undefined) : reject(new Error('broken')))),
    );
  });
  const settle = async (frame: string, ok = true) => {
    finish.get(frame)!(ok);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { queue, handled, settle };
}

describe('frame queue', () => {
  it('hands frames on at once while none is in progress', () => {
    const s = setup();
    s.queue.push('a');
    s.queue.push('b');
    expect(s.handled).toEqual(['a', 'b']);
  });

  it('keeps the frames that arrive while one is in progress behind it, in order', async () => {
    const s = setup();
    s.queue.push('slow1');
    s.queue.push('a');
    s.queue.push('b');
    expect(s.handled).toEqual(['slow1']);
    await s.settle('slow1');
    expect(s.handled).toEqual(['slow1', 'a', 'b']);
  });

  it('a waiting frame that is itself in progress holds back the ones after it', async () => {
    const s = setup();
    s.queue.push('slow1');
    s.queue.push('slow2');
    s.queue.push('a');
    await s.settle('slow1');
    expect(s.handled).toEqual(['slow1', 'slow2']);
    s.queue.push('b');
    await s.settle('slow2');
    expect(s.handled).toEqual(['slow1', 'slow2', 'a', 'b']);
  });

  it('release hands the waiting frames on at once; the frame it overtook then releases nothing twice', async () => {
    const s = setup();
    s.queue.push('slow1');
    s.queue.push('a');
    s.queue.release();
    expect(s.handled).toEqual(['slow1', 'a']);
    s.queue.push('b');
    expect(s.handled).toEqual(['slow1', 'a', 'b']);
    s.queue.push('slow2');
    s.queue.push('c');
    await s.settle('slow1');
    expect(s.handled).toEqual(['slow1', 'a', 'b', 'slow2']);
    await s.settle('slow2');
    expect(s.handled).toEqual(['slow1', 'a', 'b', 'slow2', 'c']);
  });

  it('a frame that fails is reported and does not hold the others back', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = setup();
    s.queue.push('slow1');
    s.queue.push('a');
    await s.settle('slow1', false);
    expect(s.handled).toEqual(['slow1', 'a']);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
