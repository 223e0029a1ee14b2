/**
 * Waits in the unit tests are for states (an element appears, a value arrives); these bound how
 * long a state that never comes is waited for. Testing Library's default of one second fails on a
 * 2-core machine that is busy with other work, long before anything is actually wrong.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 15_000 });
