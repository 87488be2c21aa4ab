// The API the whole UI calls, and the host (save dialogs, menu) it runs in.
import { createClient } from '../../../shared/api/client.ts';
import { detectHost } from './transport.ts';

export const host = detectHost();
export const api = createClient(host.transport);
