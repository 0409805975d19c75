import type { ChatInstance, CreateChatOptions } from 'captivate-chat-widget';
import { useEffect, useState } from 'react';

/**
 * Puts the chat widget on the page while the calling component is mounted and returns it once it is there
 * (null before). Keep `options` the same object between renders (useMemo or useState): a new object
 * destroys the widget and creates another.
 */
export function useCaptivateChat(options: CreateChatOptions): ChatInstance | null {
  const [chat, setChat] = useState<ChatInstance | null>(null);

  useEffect(() => {
    let instance: ChatInstance | undefined;
    let cancelled = false;
    // A dynamic import keeps the widget out of the first bundle, and off the server when this runs under SSR:
    // effects run only in the browser.
    import('captivate-chat-widget')
      .then(({ createChat }) => {
        // StrictMode's first mount is cleaned up before its import resolves: creating a widget then would
        // leave a second one on the page that no cleanup ever removes.
        if (cancelled) return;
        instance = createChat(options);
        setChat(instance);
      })
      .catch((error: unknown) => console.error('The chat widget failed to load', error));

    return () => {
      cancelled = true;
      // Removes the launcher and the panel and closes the socket; the stored conversation stays for next time.
      instance?.destroy();
      setChat(null);
    };
  }, [options]);

  return chat;
}
