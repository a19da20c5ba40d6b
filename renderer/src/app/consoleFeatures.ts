// Every feature of the console, in the order their views, tools and overlays show. Adding a feature is one line here.
import type { ConsoleFeature } from '../shared/feature.ts';
import { chatDeskFeature } from '../features/chatDesk/chatDeskFeature.ts';
import { groupControlFeature } from '../features/groupControl/groupControlFeature.ts';
import { phoneToolsFeature } from '../features/phoneTools/phoneToolsFeature.ts';
import { postingFeature } from '../features/posting/postingFeature.ts';
import { wallFeature } from '../features/wall/wallFeature.ts';

export const consoleFeatures: readonly ConsoleFeature[] = [wallFeature, groupControlFeature, phoneToolsFeature, chatDeskFeature, postingFeature];
