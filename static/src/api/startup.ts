/**
 * The part of the API a boot script uses before React and the app have loaded: the
 * invoke client, theming and opening a source link (the panel's first frame has one),
 * and nothing else. A boot chunk holds the static closure of what it imports, so
 * importing the full index here would make the first invoke wait for the query library
 * to download and run.
 */
export { invokeApi } from './invoke-api';
export { enableTheming, openExternal } from './host';
