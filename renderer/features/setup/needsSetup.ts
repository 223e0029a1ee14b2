import { DEFAULT_ENDPOINT_ID } from '../../../shared/endpointIds';
import type { KeyStatus, Settings } from '../../../shared/ipc';

/** First run shows until there is somewhere to send messages: a W&B key, or a local server made the default. */
export const needsSetup = (keyStatus: KeyStatus, settings: Settings) => !keyStatus.hasKey && settings.defaultEndpointId === DEFAULT_ENDPOINT_ID;
