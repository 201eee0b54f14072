/** The digest's settings live beside the background's reader of them (lib/db/digest-settings.ts). */
export { minimalMode, ritualSchedules } from '@/lib/db/digest-settings';
