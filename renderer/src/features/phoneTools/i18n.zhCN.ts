// 简体中文 strings of the phone tools (screenshots, the phone's clipboard): the `phoneTools` namespace.
export const phoneToolsZhCN = {
  screenshot: {
    selected: '截图',
    shortcut: 'Ctrl+Shift+S',
    working: '正在截图 {{count}} 台…',
    saved: '已保存 {{count}} 张截图',
    partial: '已保存 {{count}} 张截图，{{failed}} 台失败：{{names}}',
    none: '截图失败：{{names}}',
  },
  clipboard: {
    copied: '已复制手机剪贴板',
    denied: '无法写入电脑剪贴板（浏览器未允许）',
  },
};
