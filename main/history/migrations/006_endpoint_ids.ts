import type { Migration } from './migration';

/**
 * Conversations name their endpoint by id now (main/endpoints), no longer by base URL. Every
 * older conversation goes to the built-in endpoint, "wandb": before there were several
 * endpoints Parley sent every conversation to the one configured base URL, whatever URL the
 * row had kept, and that setting is the built-in endpoint's base URL now. So each conversation
 * goes on where it went before; turning stale URLs into endpoints would add keyless entries the
 * user never made. The literal is on purpose: a released migration never changes.
 */
export const endpointIds: Migration = {
  version: 6,
  name: 'endpoint ids',
  up(db) {
    db.exec(`UPDATE conversations SET endpoint = 'wandb'`);
  },
};
