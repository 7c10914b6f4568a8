/**
 * Stands in for Atlassian's feature-gate client (`@atlaskit/feature-gate-js-client`,
 * a Statsig wrapper of about 30 KB gzip) in the Custom UI bundles; vite.config.mts
 * aliases the package to this file.
 *
 * Atlaskit components ask it one question, through `fg()` of
 * `@atlaskit/platform-feature-flags`: `FeatureGates.checkGate(name)`. Inside a Forge
 * iframe nothing ever initialises the real client (that is done by Atlassian's own
 * products, with their own Statsig keys), so every answer it gives there is already
 * "gate off" (`checkGate` catches its not-initialised error and returns false) or the
 * caller's default value. This module gives those same answers without the client, so
 * every component keeps taking its default path.
 */

type Unsubscribe = () => void;

const noop = (): void => undefined;
const unsubscribe = (): Unsubscribe => noop;

const FeatureGates = {
  checkGate: (_gateName: string, _options?: unknown): boolean => false,
  isGateExists: (_gateName: string): boolean => false,
  isExperimentExists: (_experimentName: string): boolean => false,
  getExperimentValue: <T>(_experimentName: string, _parameterName: string, defaultValue: T): T =>
    defaultValue,
  getLayerValue: <T>(_layerName: string, _parameterName: string, defaultValue: T): T => defaultValue,
  initializeCalled: (): boolean => false,
  initializeCompleted: (): boolean => false,
  // Nothing initialises the client here, so there is never anything to wait for.
  waitUntilInitializeCompleted: (): Promise<void> => Promise.resolve(),
  manuallyLogGateExposure: noop,
  manuallyLogExperimentExposure: noop,
  manuallyLogLayerExposure: noop,
  onGateUpdated: unsubscribe,
  onExperimentValueUpdated: unsubscribe,
  onAnyUpdated: unsubscribe,
  getPackageVersion: (): string => '0.0.0-off',
  getTargetApp: (): string | undefined => undefined
};

export default FeatureGates;
