import { initial } from './001_initial';
import { search } from './002_search';
import { listIndexes } from './003_list_indexes';
import { conversationEndpoint } from './004_conversation_endpoint';
import { messageVersions } from './005_message_versions';
import { endpointIds } from './006_endpoint_ids';
import { messageAttachments } from './007_message_attachments';
import { searchShortWords } from './008_search_short_words';
import { thinkingTime } from './009_thinking_time';
import { tools } from './010_tools';
import { searchToolCalls } from './011_search_tool_calls';
import { messageTree } from './012_message_tree';
import type { Migration } from './migration';

/** Every schema step, oldest first. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [initial, search, listIndexes, conversationEndpoint, messageVersions, endpointIds, messageAttachments, searchShortWords, thinkingTime, tools, searchToolCalls, messageTree];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
