import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './card.css';
import { App } from './App';

const params = new URLSearchParams(location.search);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App code={params.get('code') ?? ''} isFocused={params.get('focus') === '1'} />
  </StrictMode>,
);
