import type { Measure } from '../indicators/measures.js';
import { countOnlinePosts, countTips } from './tips.repository.js';

const filterOf = (params: Record<string, string | number>) => ({
  kind: params.kind === undefined ? undefined : String(params.kind),
  category: params.category === undefined ? undefined : String(params.category),
  channel: params.channel === undefined ? undefined : String(params.channel),
});

/** Tips count by the day they were received: a tip received in June and handled in July counts for June. */
export const tipMeasures: Measure[] = [
  {
    key: 'tips.received',
    label: { vi: 'Tin tố giác, tin báo tiếp nhận (lọc được theo loại, lĩnh vực, kênh)', en: 'Tips received (by kind, category, channel)' },
    compute: ({ db, unitId, from, to, asOf, params }) => countTips(db, unitId, from, to, asOf, 'received', filterOf(params)),
  },
  {
    key: 'tips.handled_on_time',
    label: { vi: 'Tin được xử lý trong thời hạn', en: 'Tips handled within their deadline' },
    compute: ({ db, unitId, from, to, asOf, params }) => countTips(db, unitId, from, to, asOf, 'on_time', filterOf(params)),
  },
  {
    key: 'tips.overdue',
    label: { vi: 'Tin quá hạn (xử lý muộn hoặc chưa xử lý khi đã hết hạn)', en: 'Tips overdue (handled late, or open past the deadline)' },
    compute: ({ db, unitId, from, to, asOf, params }) => countTips(db, unitId, from, to, asOf, 'overdue', filterOf(params)),
  },
  {
    key: 'online_posts.found',
    label: { vi: 'Bài đăng, tài khoản môi giới trên mạng phát hiện', en: 'Online brokering posts found' },
    compute: ({ db, unitId, from, to }) => countOnlinePosts(db, unitId, from, to, false),
  },
  {
    key: 'online_posts.taken_down',
    label: { vi: 'Bài đăng đã được gỡ bỏ', en: 'Online posts taken down' },
    compute: ({ db, unitId, from, to }) => countOnlinePosts(db, unitId, from, to, true),
  },
];
