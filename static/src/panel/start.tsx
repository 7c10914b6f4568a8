import { mount } from '../shared/mount';
import type { PanelFirstLoad } from './first-load';
import { PanelApp } from './PanelApp';

/** Renders the panel with the reads the boot script already started. */
export function start(first: PanelFirstLoad): void {
  mount(<PanelApp first={first} />);
}
