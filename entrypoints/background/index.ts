import { registerHandlers } from './handlers';
import { onCommand, onContextMenuClick, registerHarvestEntryPoints } from './harvest';
import { registerSearchUpkeep } from './search-upkeep';
import { registerSync } from './sync';

export default defineBackground(() => {
  registerHandlers();
  registerHarvestEntryPoints();
  registerSearchUpkeep();
  registerSync();
  // The same handlers the context menu and the shortcut call, reachable from the service worker's console
  // (and from end-to-end tests, which cannot click browser chrome).
  Object.assign(globalThis, { commonplace: { onContextMenuClick, onCommand } });
});
