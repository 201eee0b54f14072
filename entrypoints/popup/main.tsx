import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Loaded by early.ts, after (or while) the newest notes are painted without React. React's first commit
// replaces the early paint in #root in one frame; App takes its rows and the text typed meanwhile.
performance.mark('commonplace:react-start');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
