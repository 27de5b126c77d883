import './zod-jitless';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/rotterdam-design-tokens/dist/index.css';
import './styles/app.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

// The theme class and Utrecht's document classes sit on <body>, so the skip link and
// every landmark inherit the Rotterdam tokens.
document.body.classList.add('rotterdam-theme', 'utrecht-document', 'utrecht-document--surface');

// The first render (the shell and the page's loading message) as a transition, which React
// renders in slices that leave the main thread free between them: on a phone's CPU the shell
// alone was one task of about 100 ms while the page's own code and data were on their way.
const root = createRoot(document.getElementById('root')!);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
