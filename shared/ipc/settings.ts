/** The settings table: what Settings shows and what new chats start with. */
import { z } from 'zod';
import { DEFAULT_ENDPOINT_ID } from '../endpointIds';
import { LIMITS } from '../limits';
import { call, emptySchema, returns } from './call';
import { changed } from './changes';
import { chatParamsSchema } from './chat';
import { httpUrl } from './fields';

export const DEFAULT_BASE_URL = 'https://api.inference.wandb.ai/v1';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const textSizeSchema = z.enum(['small', 'default', 'large', 'larger']);

export const settingsSchema = z.object({
  baseURL: httpUrl,
  /** W&B `team/project` sent as the OpenAI-Project header; empty means none. */
  project: z.string().max(LIMITS.projectChars),
  defaultModel: z.string().max(LIMITS.modelIdChars),
  defaultSystemPrompt: z.string().max(LIMITS.systemPromptChars),
  theme: themeSchema,
  /** Ask the conversation's model for a short title after the first answer. */
  autoTitle: z.boolean(),
  /** The window's base text size (the root font size). */
  textSize: textSizeSchema,
  /** Check GitHub releases for a new version (packaged app only); off until the user opts in. */
  autoUpdate: z.boolean(),
  /** Show remote images in answers without asking; off because an image URL can carry conversation text away. */
  remoteImages: z.boolean(),
  /** Model ids pinned at the top of the picker, in the order they were added. */
  favouriteModels: z.array(z.string().max(LIMITS.modelIdChars)).max(LIMITS.favouriteModels),
  /** Model ids used for chats, most recent first. */
  recentModels: z.array(z.string().max(LIMITS.modelIdChars)).max(LIMITS.recentModels),
  /** Chat parameters new chats start with ("Use for new chats"). */
  defaultParams: chatParamsSchema,
  /** The endpoint new chats use: the one last chosen next to the model picker. */
  defaultEndpointId: z.string().max(LIMITS.endpointIdChars),
  /** The sidebar is docked open in a wide window (toggled with its button or Ctrl/Cmd+B). */
  sidebarOpen: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  baseURL: DEFAULT_BASE_URL,
  project: '',
  defaultModel: '',
  defaultSystemPrompt: '',
  theme: 'system',
  autoTitle: true,
  textSize: 'default',
  autoUpdate: false,
  remoteImages: false,
  favouriteModels: [],
  recentModels: [],
  defaultParams: {},
  defaultEndpointId: DEFAULT_ENDPOINT_ID,
  sidebarOpen: true,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsCalls = {
  getSettings: call({ channel: 'settings:get', request: emptySchema, response: returns<Settings>() }),
  updateSettings: call({
    channel: 'settings:update',
    request: settingsPatchSchema,
    response: returns<Settings>(),
    // The built-in endpoint shows the base URL and team/project.
    changes: (patch) => [changed('settings'), ...(patch.baseURL === undefined && patch.project === undefined ? [] : [changed('endpoints')])],
  }),
};
