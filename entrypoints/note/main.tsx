import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './note.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App noteId={new URLSearchParams(location.search).get('id') ?? ''} />
  </StrictMode>,
);
