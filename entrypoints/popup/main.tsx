import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';

// bench:popup: how long the page took to reach its own script (navigation, parse) before any work of ours.
performance.mark('commonplace:popup-script');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
