// zh-CN wording of the texts the box's chat desk sends (keys `chatDesk.*` of the protocol's catalog).
import type { CHAT_DESK_TEXTS } from '../../../../native-bridge/protocol/chatDeskMessages.ts';
import type { BoxTextTable } from '../../shared/boxTexts.ts';

export const chatDeskBoxTextsZhCN: BoxTextTable<keyof typeof CHAT_DESK_TEXTS> = {
  'chatDesk.groupNotFound': '分组 {{groupId}} 不存在',
  'chatDesk.replyNotFound': '话术 {{replyId}} 不存在',
};
