import type { Role } from '@liaowang/contract';

/** The local seed users (README); their password comes from SEED_PASSWORD, never from code. */
export const SEED_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'duty', displayName: '值班员 张伟', role: 'duty_officer' },
  { username: 'responder', displayName: '处置员 李娜', role: 'responder' },
  { username: 'leader', displayName: '分管领导 王强', role: 'leader' },
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'screen', displayName: '大屏', role: 'screen' },
];
