import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MARKER_RADIUS, RECENCY_RING, RISK_FILL, type Recency } from '../map-style';

export interface MapPoint {
  id: number;
  name: string;
  latitude: number;
  longitude: number;
  risk: keyof typeof RISK_FILL;
  recency: Recency;
}

interface Props {
  points: MapPoint[];
  /** A tile server URL ({z}/{x}/{y}); empty: no base map, markers on a plain background. */
  tileUrl: string;
  attribution: string;
  /** The marker to centre on and open, e.g. from an establishment's page. */
  focusId?: number;
  label: string;
  popup: (point: MapPoint) => HTMLElement;
}

/** Vietnam as a whole, for a map with nothing to show. */
const DEFAULT_CENTER: L.LatLngExpression = [16.0, 106.5];
const DEFAULT_ZOOM = 5;

/**
 * A Leaflet map of establishments as vector circle markers (no marker images to fetch), fitted to their bounds. Leaflet
 * draws into a DOM node React leaves alone; the map is rebuilt when the points or the tile server change.
 */
export default function MapView({ points, tileUrl, attribution, focusId, label, popup }: Props) {
  const node = useRef<HTMLDivElement>(null);
  const popupRef = useRef(popup);
  popupRef.current = popup;

  useEffect(() => {
    if (!node.current) return;
    const map = L.map(node.current, { zoomControl: true, attributionControl: true, preferCanvas: false });
    if (tileUrl) L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    const markers = new Map<number, L.CircleMarker>();
    for (const p of points) {
      const ring = RECENCY_RING[p.recency];
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: MARKER_RADIUS,
        fillColor: RISK_FILL[p.risk],
        fillOpacity: 0.9,
        color: ring.color,
        weight: ring.weight,
        dashArray: ring.dashArray,
        className: `est-marker est-marker-${p.id}`,
      });
      marker.bindPopup(() => popupRef.current(p));
      marker.bindTooltip(p.name);
      marker.addTo(map);
      markers.set(p.id, marker);
    }
    if (points.length === 0) map.setView(DEFAULT_CENTER, DEFAULT_ZOOM);
    else if (points.length === 1) map.setView([points[0].latitude, points[0].longitude], 16);
    else map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as L.LatLngTuple)), { padding: [30, 30], maxZoom: 17 });
    const focused = focusId !== undefined ? markers.get(focusId) : undefined;
    if (focused) {
      map.setView(focused.getLatLng(), Math.max(map.getZoom(), 16));
      focused.openPopup();
    }
    // The container may get its final size after the first layout (fonts, the phone menu): measure again once.
    const timer = setTimeout(() => map.invalidateSize(), 0);
    return () => {
      clearTimeout(timer);
      map.remove();
    };
  }, [points, tileUrl, attribution, focusId]);

  return <div ref={node} className={tileUrl ? 'est-map' : 'est-map est-map-plain'} role="region" aria-label={label} />;
}
