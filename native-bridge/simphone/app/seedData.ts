// Seeded data for the chat app: a small deterministic random source, contacts, chat histories and customer lines.

/** mulberry32: tiny, fast, good enough to make each phone's data different but reproducible. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

export const CONTACT_NAMES: readonly string[] = [
  '王芳', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周杰', '吴倩', '徐晨', '孙悦',
  '马丽', '朱婷', '胡斌', '郭强', '何雪', '林峰', '高云', '罗琳', '梁晓', '宋佳', '郑凯', '谢言',
];

export const GROUP_NAMES: readonly string[] = ['老客户群', 'VIP会员群', '新品体验群', '售后服务群'];

export const AVATAR_COLORS: readonly string[] = [
  '#F29C38', '#4A90E2', '#E5645B', '#57B894', '#9B6DD6', '#3FA7C9', '#D9825B', '#6C8CD5', '#C65B8C', '#5DA271',
];

export const CUSTOMER_LINES: readonly string[] = [
  '你好，请问这款还有货吗？',
  '什么时候发货呀？',
  '能便宜一点吗？',
  '收到了，质量很好，谢谢！',
  '我想换个颜色可以吗',
  '快递到哪里了？',
  '有优惠券吗',
  '好的，我考虑一下',
  '在吗？',
  '这个尺码偏大还是偏小？',
  '可以开发票吗？',
  '上次买的用完了，再来两盒',
  '包邮吗？',
  '谢谢老板',
  '晚上八点前能送到吗',
];

export const MY_LINES: readonly string[] = [
  '您好，在的，有什么可以帮您？',
  '有货的，今天下单明天发货',
  '已经帮您安排发货了',
  '好的，稍等我查一下',
  '感谢支持！',
  '这款是今年的新品，很受欢迎',
];

/** One seeded chat before any input. */
export interface SeedChat {
  id: string;
  name: string;
  avatarColor: string;
  isGroup: boolean;
  messages: { from: 'me' | 'customer'; text: string; at: number }[];
  unread: number;
}

/** Builds ~12 chats with short histories; message times lie in the hours before `now`. */
export function seedChats(random: SeededRandom, now: number, count = 12): SeedChat[] {
  const names = shuffled(random, CONTACT_NAMES).slice(0, count - 2);
  const groups = shuffled(random, GROUP_NAMES).slice(0, 2);
  const all = [...names.map((n) => ({ name: n, isGroup: false })), ...groups.map((n) => ({ name: n, isGroup: true }))];
  const chats: SeedChat[] = all.map((entry, i) => {
    const messages: SeedChat['messages'] = [];
    const length = 2 + random.int(5);
    let at = now - (i + 1) * 41 * 60_000 - random.int(30) * 60_000;
    for (let m = 0; m < length; m++) {
      const from = m % 2 === 0 ? 'customer' : 'me';
      messages.push({ from, text: random.pick(from === 'me' ? MY_LINES : CUSTOMER_LINES), at });
      at += (1 + random.int(9)) * 60_000;
    }
    const last = messages[messages.length - 1];
    const unread = last?.from === 'customer' ? 1 + random.int(3) : 0;
    return {
      id: `c${String(i + 1).padStart(2, '0')}`,
      name: entry.name,
      avatarColor: AVATAR_COLORS[i % AVATAR_COLORS.length] ?? '#888888',
      isGroup: entry.isGroup,
      messages,
      unread,
    };
  });
  return chats.sort((a, b) => lastAt(b) - lastAt(a));
}

function lastAt(chat: SeedChat): number {
  return chat.messages[chat.messages.length - 1]?.at ?? 0;
}

function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
