// Chrome's offscreen document: the search host. It holds the one warm index the popup and new tab query.
import { searchIndex } from '@/lib/db';
import { onMessage } from '@/lib/messaging/protocol';
import { registerSearchHost } from '@/lib/search-host/host';

registerSearchHost(searchIndex, onMessage);
