import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Position } from 'geojson';

/**
 * The world map as two SVG path strings, made at build time from Natural Earth's 1:110m land and country
 * borders (public domain, as TopoJSON in the world-atlas package): plate carrée, x = longitude and
 * y = -latitude in degrees, so a place at (lat, lon) is drawn at (lon, -lat) in the viewBox -180 -90 360 180.
 * Nothing is fetched at run time; the browser gets the paths, not the TopoJSON.
 */
function worldMap(): Plugin {
  const id = 'virtual:world-map';
  return {
    name: 'dateline-world-map',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(resolved) {
      if (resolved !== '\0' + id) return null;
      const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
      const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ land: GeometryCollection; countries: GeometryCollection }>;
      // A tenth of a degree (about 11 km) is finer than the 1:110m data; relative steps keep the path short.
      const r = (v: number) => Math.round(v * 10);
      const path = (points: Position[], close: boolean) => {
        let d = '', px = 0, py = 0;
        points.forEach(([lon, lat], i) => {
          const x = r(lon!), y = r(-lat!);
          if (i === 0) d += `M${x / 10} ${y / 10}`;
          else if (x !== px || y !== py) d += `l${(x - px) / 10} ${(y - py) / 10}`;
          px = x; py = y;
        });
        return close ? d + 'z' : d;
      };
      // The data is on the sphere: a ring crossing the antimeridian jumps from 180 to -180. Unwrapped, it runs past
      // the map's edge (the SVG clips it) and is drawn again shifted by 360° to fill the other edge; a ring around
      // a pole (Antarctica) is closed along the pole's edge instead.
      const unwrap = (points: Position[]): Position[] => {
        let shift = 0;
        return points.map(([lon, lat], i) => {
          if (i > 0) {
            const prev = points[i - 1]![0]!;
            if (lon! - prev > 180) shift -= 360; else if (prev - lon! > 180) shift += 360;
          }
          return [lon! + shift, lat!];
        });
      };
      const ringPaths = (ring: Position[]): string => {
        const u = unwrap(ring);
        const first = u[0]!, last = u[u.length - 1]!;
        if (Math.abs(last[0]! - first[0]!) > 180) {
          const pole = first[1]! < 0 ? -90 : 90;
          return path([...u, [last[0]!, pole], [first[0]!, pole]], true);
        }
        const lons = u.map((p) => p[0]!);
        const out = path(u, true);
        if (Math.max(...lons) > 180) return out + path(u.map(([x, y]) => [x! - 360, y!]), true);
        if (Math.min(...lons) < -180) return out + path(u.map(([x, y]) => [x! + 360, y!]), true);
        return out;
      };
      /** A line (a border) is cut where it jumps across the antimeridian. */
      const linePaths = (line: Position[]): string => {
        let d = '', from = 0;
        for (let i = 1; i <= line.length; i++) {
          if (i === line.length || Math.abs(line[i]![0]! - line[i - 1]![0]!) > 180) { d += path(line.slice(from, i), false); from = i; }
        }
        return d;
      };
      const land = feature(topo, topo.objects.land);
      let landPath = '';
      for (const f of land.features) {
        const g = f.geometry;
        const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        for (const rings of polygons) for (const ring of rings) landPath += ringPaths(ring);
      }
      const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
      const borderPath = borders.coordinates.map(linePaths).join('');
      return `export const land = ${JSON.stringify(landPath)};\nexport const borders = ${JSON.stringify(borderPath)};\n`;
    },
  };
}

// The web app builds to static files served by `dateline serve`; no CDN, nothing fetched at run time.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [worldMap()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
