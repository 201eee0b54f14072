import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './newtab.css';
import { App } from './App';
import { readBoot } from './boot';

performance.mark('digest-start');
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// The first render already holds the stored digest: one paint, no loading flash.
void readBoot(Date.now(), timeZone).then(
  (boot) => {
    performance.mark('digest-read');
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App boot={boot} />
      </StrictMode>,
    );
  },
  (e: unknown) => {
    document.querySelector('.loading')!.textContent = `The digest could not be read: ${String(e)}`;
  },
);
