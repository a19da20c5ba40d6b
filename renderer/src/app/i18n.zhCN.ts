// 简体中文 (default language) strings of the core namespace: the shell (login, top bar, box strip, view switch,
// notifications) and the words every feature shares (box and phone states, reasons).
export const zhCN = {
  app: { title: 'PhoneWall 手机墙' },
  login: {
    title: '连接盒子',
    intro: '请输入盒子的访问令牌。令牌在盒子数据目录的 admin.token 文件中。',
    token: '访问令牌',
    remember: '在这台电脑上记住（关闭浏览器后仍然有效）',
    submit: '连接',
    refused: '令牌无效或已失效，请重新输入。',
    malformed: '令牌格式不正确。',
  },
  toolbar: {
    filter: '按名称筛选',
    filterHint: '按名称、型号、序列号、备注或标签筛选；#标签 只匹配该标签，多个词需同时满足',
    size: '格子大小',
    small: '小',
    medium: '中',
    large: '大',
    theme: '深色模式',
    language: 'English',
    counts: '共 {{total}} 台，{{online}} 台在线',
  },
  views: { label: '视图', shortcut: '快捷键 Alt+{{key}}' },
  state: {
    online: '在线',
    connecting: '连接中',
    offline: '离线',
    unauthorized: '未授权',
    error: '错误',
  },
  box: {
    embedded: '本机盒子',
    simulatedMode: '模拟手机',
    realMode: '真实手机',
    retryIn: '{{seconds}} 秒后重连',
    add: '添加盒子',
    addName: '名称',
    addUrl: '地址（http://…）',
    addToken: '令牌',
    addSubmit: '添加',
    remove: '移除',
    stopped: '本机盒子已停止',
    start: '启动',
    showLog: '日志',
    hideLog: '收起日志',
    starting: '本机盒子启动中…',
    failed: '本机盒子启动失败：{{reason}}',
  },
  reason: {
    tokenRefused: '令牌被拒绝',
    connectionLost: '连接中断',
    unreachable: '无法连接盒子',
  },
  notify: {
    phoneDownTitle: '{{name}} 掉线了',
    phoneDownBody: '状态：{{state}}（{{serial}}）。恢复连接后画面会自动回来。',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
