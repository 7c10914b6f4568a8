import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The editing forms are lazy chunks: their first import transpiles zod and the shared
// schemas in ts-jest, which can take over the default 1 s on a busy 2-core runner.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks the media-query and observer APIs Atlaskit motion and layout probe for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false
  })
});

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoopResizeObserver });
}

// Atlaskit asks a feature-gate client that only Atlassian's own pages initialise; it
// falls back to defaults (as it does inside Forge) and warns once. Keep test output clean.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
  const first = args[0];
  if (typeof first === 'object' && first !== null && 'gateName' in first) return;
  warn(...args);
};
