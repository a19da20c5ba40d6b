// zh-CN wording of the texts the box's posting feature sends (keys `posting.*` of the protocol's catalog).
import type { POSTING_TEXTS } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { BoxTextTable } from '../../shared/boxTexts.ts';

export const postingBoxTextsZhCN: BoxTextTable<keyof typeof POSTING_TEXTS> = {
  'posting.phoneBusy': '手机 {{deviceId}} 正在自动发布朋友圈（任务 {{jobId}}），完成后才能操作',
  'posting.postNotFound': '素材 {{postId}} 不存在',
  'posting.jobNotFound': '任务 {{jobId}} 不存在',
};
