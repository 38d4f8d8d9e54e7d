// The theme's colours, read from the CSS custom properties of styles.css (set on the page's
// root, or on an embedded widget's host element), so charts, maps and tables match both themes.
// Knows nothing of the chart library: panels hand these colours to whatever draws.

/**
 * Current theme colours of `element` (the page's root, or a widget's host).
 * @param {Element} [element]
 */
export function readThemeColors(element = document.documentElement) {
  const style = getComputedStyle(element);
  const get = (name) => style.getPropertyValue(name).trim();
  return {
    ce: get('--ce'),
    mse: get('--mse'),
    mae: get('--mae'),
    huber: get('--huber'),
    text: get('--fg'),
    muted: get('--muted'),
    grid: get('--grid'),
    zone: get('--zone'),
    surface: get('--surface'),
  };
}
