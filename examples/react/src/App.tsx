import type { CreateChatOptions, UserIdentity } from 'captivate-chat-widget';
import { useMemo, useState } from 'react';
import { useCaptivateChat } from './use-captivate-chat';

const apiKey = import.meta.env.VITE_CAPTIVATE_API_KEY ?? 'YOUR_CHANNEL_API_KEY';
const url = import.meta.env.VITE_CAPTIVATE_URL;

interface Account extends UserIdentity {
  plan: string;
}

/** The help page's contact button: the chat exists only while this component is mounted. */
function SupportChat({ account }: { account: Account }) {
  const options = useMemo<CreateChatOptions>(
    () => ({
      apiKey,
      ...(url ? { url } : {}),
      title: 'Acme support',
      launcher: 'none', // no bubble: the button below is the way in
      user: { userId: account.userId, firstName: account.firstName },
      metadata: { plan: account.plan }, // sent with the conversation's start, for the bot and the agents
    }),
    [account],
  );
  const chat = useCaptivateChat(options);

  return (
    <button type="button" disabled={!chat} onClick={() => chat?.open()}>
      Contact support
    </button>
  );
}

export function App() {
  // From your sign-in in a real site. The hub does not verify user ids: use an opaque one, never an e-mail.
  const [account] = useState<Account>({ userId: 'u-4f9c2e71', firstName: 'Ada', plan: 'pro' });
  const [page, setPage] = useState<'help' | 'home'>('help');

  return (
    <main>
      <nav>
        <button type="button" onClick={() => setPage('home')}>
          Home
        </button>
        <button type="button" onClick={() => setPage('help')}>
          Help
        </button>
      </nav>
      {page === 'help' ? (
        <section>
          <h1>Help</h1>
          <p>Signed in as {account.firstName}. Questions about your order?</p>
          <SupportChat account={account} />
        </section>
      ) : (
        <h1>Home</h1>
      )}
    </main>
  );
}
