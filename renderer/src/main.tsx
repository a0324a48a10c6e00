import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './tokens.css';
import './styles.css';
import { createApi } from '../../electron/contract/client';
import { findBridge } from './bridge';
import { createPlatform } from './platform';
import { describeError } from './errors';
import { App } from './App';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const api = createApi(findBridge());
    const info = await api.invoke('app:info', {});
    document.title = info.mode === 'browser' ? 'Layerlab (browser)' : 'Layerlab';
    root.render(
      <StrictMode>
        <App platform={createPlatform(api, info)} />
      </StrictMode>,
    );
  } catch (err) {
    root.render(
      <div className="boot-error" role="alert">
        <h1>Layerlab could not start</h1>
        <p>{describeError(err)}</p>
      </div>,
    );
  }
}

void boot();
