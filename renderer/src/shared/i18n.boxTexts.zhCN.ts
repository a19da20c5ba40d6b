// zh-CN wording of the box core's texts (keys `core.*` of the protocol's catalog).
import type { CoreTextTable } from './boxTexts.ts';

export const coreBoxTextsZhCN: CoreTextTable = {
  'core.deviceUnknown': '找不到手机 {{deviceId}}',
  'core.deviceNotOnline': '手机 {{deviceId}} 不在线',
  'core.featureOff': '此盒子未开启该功能（{{type}}）',
};
