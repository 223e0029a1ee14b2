// First: the cascade layers' order and the design tokens, before any other stylesheet.
import './styles/foundation.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ParleyContext } from './lib/ParleyContext';
import { parley } from './lib/parley';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ParleyContext.Provider value={parley}>
      <App />
    </ParleyContext.Provider>
  </StrictMode>,
);
