/** The system message as sent: the stored template with {{date}}, {{time}} and {{model}} filled in. */
import { fillPromptVariables } from '../../shared/promptVariables';
import { wallClock } from '../export/localTime';

/** `at` is the send time; date and time are the user's local wall clock (or `timeZone`, for tests). */
export function systemPromptForSend(template: string, model: string, at: number, timeZone?: string): string {
  const dateTime = wallClock(timeZone).dateTime(at);
  return fillPromptVariables(template, { date: dateTime.slice(0, 10), time: dateTime.slice(11), model });
}
