/**
 * The protocol console's emulator panel: reads and changes the hub emulator's run-time options through
 * `/__control/options`. Under `npm start` the dev server forwards `/__control/` to the emulator and
 * passes its per-run token in; with `npm run hub` alone, paste the token it printed.
 */
const FIELDS = [
  'acceptSends',
  'transcriptStyle',
  'maxFrameOut',
  'fileUrlTtlS',
  'transcriptAnswerRate',
  'startAnswerRate',
] as const;

export function mountControlPanel(form: HTMLFormElement, status: HTMLOutputElement): void {
  const token = form.elements.namedItem('token') as HTMLInputElement;
  token.value ||= String(import.meta.env.VITE_HUB_CONTROL_TOKEN ?? '');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  const call = async (init: RequestInit = {}) => {
    const res = await fetch('/__control/options', {
      ...init,
      headers: { 'content-type': 'application/json', 'x-control-token': token.value },
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(String(body.error ?? res.status));
    for (const name of FIELDS) field(name).value = String(body[name]);
    status.value = 'options in effect';
  };
  const report = (error: unknown) => (status.value = `control: ${(error as Error).message}`);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const patch: Record<string, string | number> = {};
    for (const name of FIELDS) {
      const input = field(name);
      patch[name] = input instanceof HTMLSelectElement ? input.value : Number(input.value);
    }
    call({ method: 'POST', body: JSON.stringify(patch) }).catch(report);
  });
  form.querySelector('[data-load]')?.addEventListener('click', () => void call().catch(report));
  if (token.value) call().catch(report);
}
