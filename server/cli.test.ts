import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('has no options set by default', () => {
    expect(parseCliArgs([])).toEqual({ help: false, keys: null, verbose: false });
  });

  it('parses every flag', () => {
    const argv = [
      '--port=9000',
      '--host',
      '0.0.0.0',
      '--keys',
      'a, b,,',
      '--transcript-shape',
      'transcript',
      '--transcript-client-ids',
      '--agent-failure-rate',
      '0.25',
      '--agent-delay-ms',
      '10',
      '--reply-delay-ms',
      '0',
      '--envelope',
      'bare',
      '--nested-errors',
      '--data',
      '/tmp/x',
      '--max-upload-bytes',
      '1000',
      '--idle-timeout-ms',
      '0',
      '--max-connection-age-ms',
      '5000',
      '--verbose',
      '--accept-sends',
      'http',
      '--max-frame-out',
      '4096',
      '--transcript-style',
      'normalised',
      '--file-url-ttl',
      '60',
      '--transcript-answer-rate',
      '0.5',
      '--start-answer-rate',
      '0',
      '--max-total-upload-bytes',
      '5000',
      '--max-conversations',
      '7',
      '--max-messages',
      '9',
      '--ttl-ms',
      '0',
    ];
    expect(parseCliArgs(argv)).toEqual({
      help: false,
      port: 9000,
      host: '0.0.0.0',
      keys: ['a', 'b'],
      transcriptShape: 'transcript',
      transcriptClientIds: true,
      agentFailureRate: 0.25,
      agentDelayMs: 10,
      replyDelayMs: 0,
      envelope: 'bare',
      nestedErrors: true,
      dataDir: '/tmp/x',
      maxUploadBytes: 1000,
      idleTimeoutMs: 0,
      maxConnectionAgeMs: 5000,
      verbose: true,
      acceptSends: 'http',
      maxFrameOut: 4096,
      transcriptStyle: 'normalised',
      fileUrlTtlS: 60,
      transcriptAnswerRate: 0.5,
      startAnswerRate: 0,
      maxTotalUploadBytes: 5000,
      maxConversations: 7,
      maxMessagesPerConversation: 9,
      ttlMs: 0,
    });
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', 'abc'], /--port/],
    [['--agent-failure-rate', '1.5'], /--agent-failure-rate/],
    [['--transcript-shape', 'other'], /--transcript-shape/],
    [['--envelope', 'x'], /--envelope/],
    [['--idle-timeout-ms', '-1'], /--idle-timeout-ms/],
    [['--accept-sends', 'pigeon'], /--accept-sends/],
    [['--max-frame-out', '0'], /--max-frame-out/],
    [['--transcript-style', 'x'], /--transcript-style/],
    [['--file-url-ttl', '1.5'], /--file-url-ttl/],
    [['--transcript-answer-rate', '2'], /--transcript-answer-rate/],
    [['--start-answer-rate', ''], /--start-answer-rate/],
    [['--max-conversations', '0'], /--max-conversations/],
    [['--unknown'], /unknown/i],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('npm run hub (server/main.ts)', () => {
  it('prints the listening line and the control token, serves, and exits 0 on SIGTERM', async () => {
    const tsx = path.resolve(__dirname, '../node_modules/.bin/tsx');
    const child = spawn(tsx, [path.resolve(__dirname, 'main.ts'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const [line = '', tokenLine = ''] = await new Promise<string[]>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
        if (out.split('\n').length > 2) resolve(out.split('\n'));
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const match = /^Captivate hub emulator listening on ws:\/\/127\.0\.0\.1:(\d+)$/.exec(line);
    expect(match, line).not.toBeNull();
    expect(await (await fetch(`http://127.0.0.1:${match?.[1]}/healthz`)).text()).toBe('ok');
    const token = /^Control token: (\S+) /.exec(tokenLine)?.[1] ?? '';
    const stats = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${match?.[1]}/__control/stats`, { headers }).then((r) => r.status);
    expect(await stats({})).toBe(401);
    expect(await stats({ 'x-control-token': token })).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 with the usage on a bad flag', async () => {
    const tsx = path.resolve(__dirname, '../node_modules/.bin/tsx');
    const child = spawn(tsx, [path.resolve(__dirname, 'main.ts'), '--envelope', 'nope'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--envelope must be one of wrapped, bare');
    expect(stderr).toContain('Usage: npm run hub');
  });
});
