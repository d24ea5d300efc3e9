// The world map paths made at build time by the plugin in web/vite.config.ts (Natural Earth 1:110m, public domain).
declare module 'virtual:world-map' {
  /** Land polygons as one SVG path, in degrees: x = longitude, y = -latitude. */
  export const land: string;
  /** Borders between countries, as one SVG path in the same coordinates. */
  export const borders: string;
}
