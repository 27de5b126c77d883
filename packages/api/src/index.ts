import { ENGINE_VERSION } from '@initiatief/engine';
export const apiEngineVersion = ENGINE_VERSION;
