//! The map page, driven as a user would: hover a 盟市 for its value, click it to narrow the
//! tree, choose a statistic whose gaps stay gaps.

mod common;

use common::{LEAGUES, app};
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::NodeKind;
use plan_explorer::ui::View;

fn open_map() -> egui_kittest::Harness<'static, PlanExplorerApp> {
    let mut harness = app();
    harness.get_by_label("地图").click();
    harness.run();
    assert_eq!(harness.state().settings().view, View::Map);
    harness
}

/// Chooses what the map is coloured by (the first statistic whose name holds `statistic`) and
/// its year.
fn colour_by(harness: &mut egui_kittest::Harness<'static, PlanExplorerApp>, statistic: &str, year: Option<&str>) {
    harness.get_by_label("着色依据").click();
    harness.run();
    harness.get_all_by_label_contains(statistic).next().expect("the statistic").click();
    harness.run();
    if let Some(year) = year {
        harness.get_by_label(year).click();
        harness.run();
    }
}

#[test]
fn every_league_is_labelled_with_its_count_and_hover_names_region_and_value() {
    let mut harness = open_map();
    // The plan's own counts: paragraphs naming each 盟市 (or one of its places).
    // Counted here from plan.ron: prose paragraphs whose places include 鄂尔多斯.
    let prose = [NodeKind::Task, NodeKind::Item, NodeKind::Paragraph, NodeKind::Overview];
    let ordos = harness
        .state()
        .doc()
        .plan
        .nodes
        .iter()
        .filter(|n| prose.contains(&n.kind) && n.cities.iter().any(|c| c == "鄂尔多斯"))
        .count();
    assert!(ordos > 5, "{ordos}");
    for city in LEAGUES {
        harness.get_by_label_contains(&format!("{city}\n"));
    }
    harness.get_by_label_contains("鄂尔多斯\n").hover();
    harness.run();
    // The tooltip: name, region, the count.
    assert!(harness.query_all_by_label_contains(&format!("鄂尔多斯 · 西部\n{ordos}\n")).count() >= 1);
}

#[test]
fn clicking_a_league_narrows_the_tree_to_what_names_it() {
    let mut harness = open_map();
    harness.get_by_label_contains("鄂尔多斯\n").click();
    harness.run();
    assert_eq!(harness.state().tree_filter(), Some("鄂尔多斯"));
    // Every paragraph left in the tree names 鄂尔多斯 or holds one that does.
    let rows = harness.state_mut().visible_rows().to_vec();
    let doc = harness.state().doc();
    assert!(!rows.is_empty());
    let names = |i: usize| doc.outline.subtree(i).any(|k| doc.plan.nodes[k].cities.iter().any(|c| c == "鄂尔多斯"));
    assert!(rows.iter().all(|&i| names(i)), "a row in the tree does not concern 鄂尔多斯");
}

#[test]
fn a_statistic_with_gaps_draws_them_as_not_published() {
    let mut harness = open_map();
    colour_by(&mut harness, "全社会研发经费", None);
    // R&D spending is published for a few 盟市 only (none in the east): the others say
    // 未公布, never 0.
    for city in ["呼伦贝尔", "兴安盟", "通辽", "赤峰", "锡林郭勒盟"] {
        harness.get_by_label(&format!("{city}\n未公布"));
        assert!(harness.query_by_label(&format!("{city}\n0")).is_none(), "{city} drawn as 0");
    }
}

#[test]
fn a_scenarios_east_and_west_series_are_written_on_their_halves_of_the_map() {
    let mut harness = open_map();
    common::drop_file(&mut harness, common::fixture("east_west.ron"));
    colour_by(&mut harness, "地区生产总值（现价）（亿元）", Some("2025"));
    // The file gives 东部 and 西部 for 2025 but only 赤峰 of their 盟市: the halves are written
    // beside the map with the scenario's name, marked as projections; 赤峰 is coloured and
    // marked; the other 盟市 stay unpublished.
    harness.get_by_label("东部：7400 亿元（东西部情景 · 预测）");
    harness.get_by_label("西部：17600 亿元（东西部情景 · 预测）");
    harness.get_by_label("赤峰\n2300（预测）");
    harness.get_by_label("通辽\n未公布");
}

#[test]
fn the_plans_places_are_pins_that_name_their_paragraphs_and_list_them_when_clicked() {
    let mut harness = open_map();
    // 满洲里 is a city of 呼伦贝尔: a pin at its 旗县区, its paragraphs counted from plan.ron.
    let doc = harness.state().doc();
    let naming: Vec<usize> = (0..doc.plan.nodes.len()).filter(|&i| doc.plan.nodes[i].text.contains("满洲里")).collect();
    assert!(!naming.is_empty());
    // 科尔沁 (the sand land of three 盟市) is an area, not a pin.
    assert!(harness.query_by_label("科尔沁（科尔沁区）").is_none());
    harness.get_by_label("满洲里（满洲里市）").hover();
    harness.run();
    harness.get_by_label_contains(&format!("满洲里（满洲里市 · 呼伦贝尔）\n提及段落：{}", naming.len()));
    harness.get_by_label("满洲里（满洲里市）").click();
    harness.run();
    assert_eq!(harness.state().tree_filter(), Some("满洲里"));
    let rows = harness.state_mut().visible_rows().to_vec();
    let doc = harness.state().doc();
    for i in &naming {
        assert!(rows.contains(i), "a paragraph naming 满洲里 is not listed: {}", doc.plan.nodes[*i].id);
    }
}

#[test]
fn no_label_covers_another_at_1024_by_768() {
    let mut harness = common::AppBuilder::new().size([1024.0, 768.0]).build();
    harness.get_by_label("地图").click();
    harness.run();
    // The 12 盟市 labels (name and value) and the pins' names that found room.
    let mut rects: Vec<(String, egui::Rect)> =
        LEAGUES.iter().map(|c| (c.to_string(), harness.get_by_label_contains(&format!("{c}\n")).rect())).collect();
    for pin in ["满洲里", "牙克石", "白云鄂博", "霍林郭勒"] {
        if let Some(node) = harness.query_by_label(pin) {
            rects.push((pin.to_string(), node.rect()));
        }
    }
    assert!(rects.len() > 12, "some pin names have room at this size");
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            assert!(!ra.intersects(*rb) || ra.intersect(*rb).area() < 1.0, "{a} {ra:?} covers {b} {rb:?}");
        }
    }
}

#[test]
fn hovering_a_league_on_a_statistic_shows_its_value_year_and_source() {
    let mut harness = open_map();
    colour_by(&mut harness, "地区生产总值（现价）（亿元）", Some("2021"));
    harness.get_by_label_contains("鄂尔多斯\n").hover();
    harness.run();
    let tips: Vec<String> = harness
        .query_all_by_label_contains("鄂尔多斯 · 西部\n")
        .map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label().unwrap_or_default())
        .collect();
    // The value and source as the shipped actual values give them (scenarios/actual-2010-2023.ron).
    let actuals = plan_explorer::model::scenario::embedded_actuals(&harness.state().doc().plan).unwrap();
    let (series, point) = actuals
        .series
        .iter()
        .filter(|s| s.indicator == "gdp" && s.region == "鄂尔多斯")
        .find_map(|s| s.points.iter().find(|p| p.year == 2021).map(|p| (s, p)))
        .expect("鄂尔多斯's GDP in 2021 is in the shipped values");
    assert_eq!(point.value, 4715.7);
    let tip = tips.iter().find(|t| !t.is_empty()).expect("the tooltip");
    let lines: Vec<&str> = tip.lines().collect();
    assert_eq!(lines[1], "4715.7 亿元（2021）", "value, unit and year: {tip}");
    assert!(tip.contains(&series.label), "the series: {tip}");
    assert!(tip.contains(&point.source) && point.source.starts_with("https://"), "where it was read: {tip}");
}

#[test]
fn a_league_label_sits_on_its_own_league_or_points_to_it_with_a_leader() {
    for (size, english) in [([1400.0, 900.0], false), ([1280.0, 800.0], true), ([1024.0, 768.0], false)] {
        let mut harness = common::AppBuilder::new().size(size).build();
        if english {
            harness.get_by_label("English").click();
            harness.run();
        }
        harness.get_by_label(if english { "Map" } else { "地图" }).click();
        harness.run();
        let cities: Vec<(String, String)> =
            harness.state().doc().plan.places.cities.iter().map(|c| (c.name.clone(), c.name_en.clone())).collect();
        for (zh, en) in cities {
            let name = if english { en.clone() } else { zh.clone() };
            let rect = harness.get_by_label_contains(&format!("{name}\n")).rect();
            let leaders = common::painted(&harness).segments;
            let leader = leaders.iter().any(|[a, b]| rect.expand(1.0).contains(*b) && !rect.contains(*a));
            if leader {
                continue;
            }
            // Without a leader, the 盟市 under the label's middle (its hover says) is its own.
            harness.event(egui::Event::PointerMoved(rect.center()));
            harness.run();
            let under: Vec<String> = harness
                .query_all_by_label_contains(" · ")
                .map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label().unwrap_or_default())
                .collect();
            assert!(
                under.iter().any(|t| t.starts_with(&format!("{name} · "))),
                "{size:?}: the label of {name} sits on {under:?} without a leader"
            );
        }
    }
}

/// Area of a polygon (shoelace), in km².
fn area(corners: &[[f64; 2]]) -> f64 {
    let n = corners.len();
    (0..n).map(|i| corners[i][0] * corners[(i + 1) % n][1] - corners[(i + 1) % n][0] * corners[i][1]).sum::<f64>().abs()
        / 2.0
}

#[test]
fn the_maps_projection_keeps_areas_true_and_north_up_around_its_origin() {
    use plan_explorer::model::map::project;
    const R: f64 = 6371.0;
    // The origin (112 °E, 45 °N) is the drawing's origin; east is +x, north is +y.
    let o = project(112.0, 45.0);
    assert!(o[0].abs() < 1e-9 && o[1].abs() < 1e-9, "{o:?}");
    assert!(project(113.0, 45.0)[0] > 0.0 && project(112.0, 46.0)[1] > 0.0);
    // Equal-area: a small cell of the sphere (0.1° × 0.1°, edges nearly straight) keeps its area,
    // R² · Δλ · (sin φ₂ − sin φ₁), from 38 °N to 53 °N and 98 °E to 125 °E.
    for (lon, lat) in [(98.0, 38.0), (111.7, 40.8), (112.0, 45.0), (119.0, 49.0), (125.0, 53.0)] {
        let d = 0.1_f64;
        let cell = [project(lon, lat), project(lon + d, lat), project(lon + d, lat + d), project(lon, lat + d)];
        let sphere = R * R * d.to_radians() * ((lat + d).to_radians().sin() - lat.to_radians().sin());
        let ratio = area(&cell) / sphere;
        assert!((ratio - 1.0).abs() < 0.002, "at {lon} °E {lat} °N the cell's area is {ratio} of the sphere's");
    }
    // On a standard parallel (40 °N and 50 °N) distances are true as well: a degree of
    // longitude is R · cos φ · 1° long.
    for lat in [40.0_f64, 50.0] {
        let (a, b) = (project(111.5, lat), project(112.5, lat));
        let km = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        let true_km = R * lat.to_radians().cos() * 1f64.to_radians();
        assert!((km / true_km - 1.0).abs() < 0.001, "a degree at {lat} °N is {km} km, not {true_km}");
    }
}

#[test]
fn a_place_is_pinned_only_where_it_lies_in_the_league_the_plan_gives_it() {
    // 石拐 is a 区 of 包头: pinned there as the plan's place list gives it; given to 鄂尔多斯 (a
    // mistake in a plan's place list) it is not pinned at all, rather than pinned in 包头 anyway.
    let given_to = |city: &str| {
        let mut plan = plan_explorer::model::load::embedded_plan().expect("plan");
        let place = plan.places.names.iter_mut().find(|p| p.name == "石拐").expect("石拐 in the place list");
        place.cities = vec![city.into()];
        let doc = plan_explorer::model::Document::new(plan, "plan.ron");
        plan_explorer::model::map::pins(&doc).into_iter().find(|p| p.place == "石拐")
    };
    let pin = given_to("包头").expect("pinned in 包头");
    assert_eq!((pin.county.as_str(), pin.city.as_str()), ("石拐区", "包头"));
    assert!(given_to("鄂尔多斯").is_none(), "not pinned outside the league it is given");
}

#[test]
fn a_boundary_without_a_label_point_is_labelled_at_its_middle() {
    use plan_explorer::model::map::{MapGeometry, project};
    // A square degree around 111.5 °E 41.5 °N, without the "cp" point the shipped file gives.
    let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"某盟"},
        "geometry":{"type":"Polygon","coordinates":[[[111,41],[112,41],[112,42],[111,42],[111,41]]]}}]}"#;
    let map = MapGeometry::from_geojson(geojson).expect("a map");
    let label = map.leagues[0].label;
    let middle = project(111.5, 41.5);
    let km = ((label[0] - middle[0]).powi(2) + (label[1] - middle[1]).powi(2)).sqrt();
    assert!(km < 2.0, "the label is {km} km from the square's middle");
    assert_eq!(map.league_at(label), Some(0), "and inside it");
}
