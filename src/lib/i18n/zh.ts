import type { MessageKey } from './en';

/** 简体中文界面文字。键与英文目录完全一致（由编译器检查）。 */
export const zh = {
  'app.title': '石景山科创地图',
  'app.subtitle': '北京西部石景山区科技创新空间',
  'app.loading': '地图加载中…',
  'app.mapLabel': '石景山区及其科创空间地图',
  'app.schematic': '示意图，不作测绘依据。园区范围为数字化勾绘或估计，详见各要素的数据来源说明。',
  'lang.switch': 'English',
  'lang.switchLabel': '切换为英文',
  'data.issues': '数据问题',
  'data.issuesNone': '全部数据文件校验通过',
  'data.issuesCount': '{n} 个数据问题',
  'basemap.error': '无法加载所配置的底图，已改用内置底图。',
  'map.error': '地图无法启动：{message}',
} as const satisfies Record<MessageKey, string>;

export const maplibreZh: Record<string, string> = {
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'NavigationControl.ResetBearing': '拖动旋转地图，点击恢复正北',
  'FullscreenControl.Enter': '进入全屏',
  'FullscreenControl.Exit': '退出全屏',
  'AttributionControl.ToggleAttribution': '显示或隐藏版权信息',
  'ScaleControl.Meters': '米',
  'ScaleControl.Kilometers': '千米',
  'Map.Title': '地图',
};
