/**
 * The leak suite, part 4 (issue 15 part 2): notifications — the inbox, its unread count, the mail of one
 * notification and the daily digest never carry a partnership the recipient may not see, even when a notification
 * about it was addressed to them (tests/factories/leak-notifications.ts seeds that worst case).
 */
import { describeLeakMatrix } from '../factories/leak-suite';

describeLeakMatrix(['notifications']);
