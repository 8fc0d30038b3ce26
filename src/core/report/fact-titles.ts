// What each fact of a report is called: the titles the report schema gives them (schema/*.json)
// and the labels of the form's fields, from this one table. Plain data, so the first screen can
// show the fields before the schema is loaded.
import type { FactField } from '../place';

export const FACT_TITLES: Readonly<Record<FactField, string>> = {
  name: '机关名称（发文机关署名）',
  titleName: '标题中的机关名称（不填则用机关名称）',
  level: '机关层级',
  year: '年度',
  written: '成文日期',
  deadline: '公开期限（不填则为模板默认）',
  office: '联系单位',
  phone: '联系电话',
  email: '电子邮箱',
  website: '电子版发布网址',
};
