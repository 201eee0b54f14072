import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './report.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App communityId={new URLSearchParams(location.search).get('community')} />
  </StrictMode>,
);
