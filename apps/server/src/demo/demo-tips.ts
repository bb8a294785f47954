import { ZStaffTipRequest, ZTipAction } from '@pcmd/contracts';
import type { RequestContext } from '../lib/context.js';
import { actOnTip, receiveTip } from '../modules/tips/tips.service.js';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const isoDay = (date: Date) => date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

type Step = 'verify' | 'classify' | 'assign' | 'handle' | 'close';
interface DemoTip {
  unitCode: string;
  receivedDaysAgo: number;
  channel: 'hotline' | 'mailbox' | 'in_person' | 'letter' | 'social_media';
  category: 'prostitution_activity' | 'brokering' | 'online_advertising' | 'child_victim';
  description: string;
  /** The last step reached, and for a handled tip how many days after receipt. */
  upTo: Step | null;
  handledAfterDays?: number;
}

/** Fictional tips at every step, dated from today, so that the inbox shows open, due-soon, overdue and closed tips. */
const DEMO_TIPS: DemoTip[] = [
  { unitCode: 'MAU-TL-1', receivedDaysAgo: 70, channel: 'hotline', category: 'brokering', description: 'Có người đứng đầu ngõ mời khách vào nhà nghỉ vào buổi tối.', upTo: 'close', handledAfterDays: 12 },
  { unitCode: 'MAU-AH-4', receivedDaysAgo: 45, channel: 'letter', category: 'prostitution_activity', description: 'Cơ sở xoa bóp đóng cửa kín, khách ra vào đến khuya.', upTo: 'close', handledAfterDays: 26 },
  { unitCode: 'MAU-TL-2', receivedDaysAgo: 26, channel: 'social_media', category: 'online_advertising', description: 'Tài khoản mạng xã hội đăng ảnh, số điện thoại môi giới gắn địa chỉ trong phường.', upTo: 'assign' },
  { unitCode: 'MAU-AH-5', receivedDaysAgo: 17, channel: 'in_person', category: 'brokering', description: 'Người dân phản ánh phòng trọ cho thuê theo giờ có dấu hiệu chứa mại dâm.', upTo: 'classify' },
  { unitCode: 'MAU-HB-1', receivedDaysAgo: 3, channel: 'mailbox', category: 'child_victim', description: 'Thư không ký tên báo có người chưa thành niên làm việc tại quán bia về khuya.', upTo: null },
  { unitCode: 'MAU-HB-2', receivedDaysAgo: 1, channel: 'hotline', category: 'prostitution_activity', description: 'Gọi đường dây nóng báo có hoạt động đáng ngờ tại một căn hộ cho thuê ngắn ngày.', upTo: 'verify' },
];

const STEPS: Step[] = ['verify', 'classify', 'assign', 'handle', 'close'];

export async function seedDemoTips(ctx: RequestContext) {
  for (const demo of DEMO_TIPS) {
    const { id: unitId } = await ctx.db.selectFrom('units').select('id').where('code', '=', demo.unitCode).executeTakeFirstOrThrow();
    const tip = await receiveTip(ctx, ZStaffTipRequest.parse({ unitId, channel: demo.channel, category: demo.category, description: demo.description, receivedAt: daysAgo(demo.receivedDaysAgo).toISOString() }));
    if (!demo.upTo) continue;
    const handledOn = isoDay(daysAgo(demo.receivedDaysAgo - (demo.handledAfterDays ?? 0)));
    const actions: Record<Step, unknown> = {
      verify: { action: 'verify', note: 'Phân công cán bộ xác minh.' },
      classify: { action: 'classify', category: demo.category, kind: 'crime_report', priority: demo.category === 'child_victim' ? 'urgent' : 'normal' },
      assign: { action: 'assign', agency: 'Công an phường' },
      handle: { action: 'handle', result: 'confirmed_acted', handledOn, note: 'Đã kiểm tra, lập biên bản vi phạm hành chính.', publicNote: 'Cơ quan công an đã xác minh và xử lý.' },
      close: { action: 'close' },
    };
    for (const step of STEPS.slice(0, STEPS.indexOf(demo.upTo) + 1)) await actOnTip(ctx, tip.id, ZTipAction.parse(actions[step]));
  }
}
