/**
 * Local Captivate hub emulator (CLI). Speaks docs/protocol.md from the hub's side on one port: the
 * WebSocket (`ws://127.0.0.1:8787/?apiKey=ANY`) and HTTP (HTTP sends and REST transcripts as the vendor's
 * client 7.x uses them, file service, assets, large messages, control). `--help` lists every flag.
 *
 *   npm run hub                                   # ws://127.0.0.1:8787, any non-empty API key
 *   npm run hub -- --port 9000 --keys demo,test --verbose
 *   npm run hub -- --data .hub-data              # conversations and uploads survive restarts
 *   npm run hub -- --agent-failure-rate 0.5 --transcript-shape transcript --envelope bare --nested-errors
 *
 * Flags: see cli-args.ts (`--help`). Sends over HTTP only, normalised transcripts, links that expire in a minute:
 *   npm run hub -- --accept-sends http --transcript-style normalised --file-url-ttl 60
 *
 * Demo bot keywords (case-insensitive): help, markdown, cards, file, image, links, pause, html, md, nested,
 * long (413 + /large-message link), action, error, agent/human (live agent Dana; "bye" ends), hi/menu.
 *
 * HTTP: POST /api/custom-channel/sockets/message · GET /api/transcript?conversation_id= (both x-api-key) ·
 * GET /healthz · GET /assets/<name> · GET /pages/<name> · POST /api/file-to-text (multipart: file,
 * includeMetadata, storage, path) · POST /api/presigned-url {fileKey, expiresIn} · GET /files/<key>?expires=&sig=
 * · GET /large-message/<id> (x-api-key). Control: control-http.ts (the token printed at start).
 */
import { parseCliArgs, USAGE } from './cli-args';
import { createHub } from './hub';

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`hub emulator: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { help: _help, ...hubOptions } = options;
  const hub = await createHub(hubOptions);
  console.log(`Captivate hub emulator listening on ${hub.url}`);
  console.log(`Control token: ${hub.controlToken} (header x-control-token on ${hub.httpUrl}/__control/)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    if (options.verbose) console.log(`hub emulator: ${signal}, shutting down`);
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`hub emulator: close failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`hub emulator: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
