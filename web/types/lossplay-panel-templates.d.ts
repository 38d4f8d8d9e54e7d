// 'lossplay-panel-templates': the widget's markup and CSS, written at build time by
// scripts/widget_assets.mjs (build/generated/panel_templates.mjs).
/** Each panel's markup for the widget's shadow root, by panel id. */
export const PANEL_TEMPLATES: Record<string, string>;
/** The site's CSS rewritten for the widget's shadow root. */
export const WIDGET_CSS: string;
