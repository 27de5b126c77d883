import './zod-jitless';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/rotterdam-design-tokens/dist/index.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

// The theme class and Utrecht's document classes sit on <body>, so the skip link and
// every landmark inherit the Rotterdam tokens.
document.body.classList.add('rotterdam-theme', 'utrecht-document', 'utrecht-document--surface');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
