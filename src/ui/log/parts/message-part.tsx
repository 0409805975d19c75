/** Picks the component for one part. `pause` and `unknown` render nothing (typing / host events cover them). */
import type { MessagePart as Part } from '../../../protocol/model';
import type { ChatMessage } from '../../../store/messages';
import { PartCards } from './part-cards';
import { PartChoices } from './part-choices';
import { PartFiles } from './part-files';
import { PartHtml } from './part-html';
import { PartLinks } from './part-links';
import { PartText } from './part-text';

export interface MessagePartProps {
  part: Part;
  message: ChatMessage;
  /** The sender's display name (image alt text). */
  name: string;
}

export function MessagePart({ part, message, name }: MessagePartProps) {
  switch (part.kind) {
    case 'text':
      if (part.text === '') return null;
      return <PartText text={part.text} format={message.sender === 'user' ? 'plain' : 'markdown'} />;
    case 'md':
      if (part.md === '') return null;
      return <PartText text={part.md} format={message.sender === 'user' ? 'plain' : 'markdown'} />;
    case 'html':
      return message.sender === 'user' ? (
        <PartText text={part.html} format="plain" />
      ) : (
        <PartHtml html={part.html} />
      );
    case 'choices':
      return <PartChoices message={message} title={part.title} options={part.options} />;
    case 'links':
      return <PartLinks title={part.title} links={part.links} />;
    case 'cards':
      return <PartCards cards={part.cards} />;
    case 'files':
      return <PartFiles title={part.title} files={part.files} sender={name} />;
    default:
      return null;
  }
}
