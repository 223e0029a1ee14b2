/** The app table: notices, links, the data folder and updates. */
import { z } from 'zod';
import { APP_COMMANDS } from '../appCommands';
import { LIMITS } from '../limits';
import { call, emptySchema, returns } from './call';

/** Something main wants the user to know, e.g. a settings file that was moved aside; shown until dismissed. */
export interface Notice {
  id: string;
  level: 'info' | 'warning';
  message: string;
  /** A history backup the user can restore from the notice ("Restore backup"). */
  backupFile?: string;
  /** Actions the notice offers: "Back up what can be read", "Restore from backup…". */
  offers?: ('back-up' | 'choose-backup')[];
  /** Answers main keeps in memory because they could not be saved yet; the page asks again until none are left. */
  unsaved?: number;
}

/** Whether a downloaded update is waiting for a restart. */
export type UpdateStatus = { ready: false } | { ready: true; version: string };

export const dismissNoticeSchema = z.object({ id: z.string().min(1).max(200) }).strict();
export const openLinkSchema = z.object({ url: z.string().max(LIMITS.urlChars) }).strict();

export const appCalls = {
  /** What main wants the user to know now; also tries again to save answers a full disk kept in memory. */
  notices: call({ channel: 'app:notices', request: emptySchema, response: returns<Notice[]>() }),
  /** The person closed a notice: it is not shown again (a restore offer is kept until then, across restarts). */
  dismissNotice: call({ channel: 'app:dismissNotice', request: dismissNoticeSchema, response: returns<{ dismissed: boolean }>() }),
  openLink: call({ channel: 'link:open', request: openLinkSchema, response: returns<{ opened: boolean }>() }),
  /** "Load image": main fetches one remote image the user asked for and returns it as a data: URL. */
  fetchImage: call({ channel: 'image:fetch', request: openLinkSchema, response: returns<{ dataUrl: string }>() }),
  dataFolder: call({ channel: 'app:dataFolder', request: emptySchema, response: returns<{ path: string }>() }),
  /** Shows the data folder in the file manager; web mode cannot (`opened: false`) and the page shows the path. */
  openDataFolder: call({ channel: 'app:openDataFolder', request: emptySchema, response: returns<{ opened: boolean; path: string }>() }),
  updateStatus: call({ channel: 'app:updateStatus', request: emptySchema, response: returns<UpdateStatus>() }),
  /** Quits and installs a downloaded update; false when there is none (or in web mode). */
  installUpdate: call({ channel: 'app:installUpdate', request: emptySchema, response: returns<{ restarting: boolean }>() }),
};

/** Commands main pushes to the page (menu clicks); the page never sends these. */
export const appCommandSchema = z.enum(APP_COMMANDS);
