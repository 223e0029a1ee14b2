/** The system message as sent: the stored template with {{date}}, {{time}} and {{model}} filled in. */
import { fillPromptVariables } from '../../shared/promptVariables';
import { wallClock } from '../export/localTime';

/**
 * `at` is the send time; date and time are the user's local wall clock (or `timeZone`, for tests).
 * The clock is read only for a template that names it: asking ICU for the zone is a few tenths of a
 * millisecond on each send's way out, and most prompts name neither.
 */
export function systemPromptForSend(template: string, model: string, at: number, timeZone?: string): string {
  let dateTime: string | undefined;
  const clock = (): string => (dateTime ??= wallClock(timeZone).dateTime(at));
  return fillPromptVariables(template, {
    get date() {
      return clock().slice(0, 10);
    },
    get time() {
      return clock().slice(11);
    },
    model,
  });
}
