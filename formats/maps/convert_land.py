#!/usr/bin/env python3
"""Converts Natural Earth land from world-atlas TopoJSON into formats/maps/land-110m.txt.

Run once (the output is committed; nothing is downloaded at build or run time):
  formats/maps/convert_land.py ../shared/data/naturalearth/land-110m.json > formats/maps/land-110m.txt

Output: '#' comment lines, then one ring per line: 'P' starts a polygon (its outer ring), 'H' is a
hole of the polygon above, followed by space-separated 'longitude,latitude' pairs in WGS 84
degrees with 2 decimals (the source is quantized to about 0.004 x 0.002 degrees). The closing
point equal to the first is left out. Consecutive points that round to the same pair are dropped.
"""
import json
import sys


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indices):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def fmt(value):
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def main():
    topology = json.load(open(sys.argv[1]))
    arcs = decode_arcs(topology)
    polygons = []
    for geometry in topology["objects"]["land"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons.append(geometry["arcs"])
        elif geometry["type"] == "MultiPolygon":
            polygons.extend(geometry["arcs"])
    print("# Natural Earth 1:110m land (public domain, naturalearthdata.com), from the world-atlas")
    print("# 2.0.2 TopoJSON by Mike Bostock (ISC licence); converted by formats/maps/convert_land.py.")
    print("# P = outer ring of a polygon, H = hole; 'longitude,latitude' pairs in WGS 84 degrees.")
    for polygon in polygons:
        for k, ring in enumerate(polygon):
            pairs = []
            for lon, lat in ring_points(arcs, ring):
                pair = fmt(lon) + "," + fmt(lat)
                if not pairs or pairs[-1] != pair:
                    pairs.append(pair)
            if len(pairs) > 1 and pairs[0] == pairs[-1]:
                pairs.pop()
            if len(pairs) < 3:
                continue
            print(("P " if k == 0 else "H ") + " ".join(pairs))


if __name__ == "__main__":
    main()
