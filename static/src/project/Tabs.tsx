import { useRef, type KeyboardEvent } from 'react';
import { token } from '@atlaskit/tokens';
import { useFocusAfterRender } from '../shared/hooks/useFocusAfterRender';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
}

interface Props<T extends string> {
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Prefix for the tab and panel ids (`${idPrefix}-tab-${id}`, `${idPrefix}-panel-${id}`). */
  idPrefix: string;
  label: string;
}

/**
 * Jira-looking tabs (WAI-ARIA tabs pattern: arrow keys, Home/End, roving tabindex),
 * drawn with design tokens only; @atlaskit/tabs is not a dependency of this app.
 */
export function Tabs<T extends string>({ tabs, selected, onSelect, idPrefix, label }: Props<T>): JSX.Element {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const focusAfter = useFocusAfterRender();
  // Choosing a tab (click, Enter, Space) leads on to its panel once it is shown; the arrow
  // keys only move between tabs, as the tabs pattern has them.
  const choose = (id: T): void => {
    onSelect(id);
    focusAfter(() => document.getElementById(`${idPrefix}-panel-${id}`));
  };
  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((t) => t.id === selected);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    const tab = tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      onKeyDown={move}
      style={{
        display: 'flex',
        gap: token('space.200'),
        borderBottom: `${token('border.width.selected')} solid ${token('color.border')}`
      }}
    >
      {tabs.map((tab) => {
        const active = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={active ? 0 : -1}
            onClick={() => choose(tab.id)}
            data-testid={`tab-${tab.id}`}
            style={{
              background: 'none',
              border: 'none',
              cursor: 'pointer',
              font: token('font.body'),
              fontWeight: token('font.weight.medium'),
              padding: `${token('space.100')} ${token('space.050')}`,
              marginBottom: `calc(-1 * ${token('border.width.selected')})`,
              color: active ? token('color.text.selected') : token('color.text.subtle'),
              borderBottom: `${token('border.width.selected')} solid ${active ? token('color.border.selected') : 'transparent'}`
            }}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
