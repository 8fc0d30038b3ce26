import type { Level } from '../../core';

export const LEVEL_TEXT: Record<Level, string> = { error: '错误', warning: '提醒', incomplete: '未完成' };
