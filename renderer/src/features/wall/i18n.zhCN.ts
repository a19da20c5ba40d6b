// 简体中文 strings of the wall, its control bar and the focus view: the `wall` namespace.
export const wallZhCN = {
  view: '手机墙',
  toolbar: {
    page: '第 {{page}} / {{count}} 页',
    prev: '上一页',
    next: '下一页',
    back: '返回',
    home: '主页',
    recents: '最近任务',
    focus: '大屏操作',
    selected: '当前操作：{{name}}',
    noneSelected: '点击一个手机画面开始操作',
    keyboard: '发送到所选手机的键盘输入',
    clipboardNote: '中文通过手机剪贴板粘贴，会覆盖手机剪贴板内容',
    selectionHint: 'Ctrl/⌘ 点击多选，Shift 点击连选，在空白处拖框选择，Ctrl+A 全选，Esc 清除',
  },
  tile: {
    simulated: '模拟',
    noDevices: '还没有手机。请用 USB 连接手机，或等待盒子发现设备。',
    noMatch: '没有名称包含“{{filter}}”的手机',
  },
  focus: {
    title: '大屏操作 — {{name}}',
    close: '关闭',
    textPlaceholder: '输入要发送到手机的文字（Enter 发送，Shift+Enter 换行）',
    send: '发送',
    sent: '已发送',
  },
} as const;
