//! The exported chart's geometry, read back from the SVG as a reader of the PNG or PDF sees it:
//! every point sits where the tick labels say its year and value are, the tick labels sit at
//! their grid lines beside the plot, areas and notes span the years they stand for, and the
//! legend lies beside the data. Every export (SVG, PNG, PDF, HTML, Word) is drawn from this SVG.

use plan_explorer::model::Measure;
use plan_explorer::model::chart::axis::{Axis, Scale};
use plan_explorer::model::chart::style::{BAND_FILL, Dash, GOAL_FILL, Marker, Style};
use plan_explorer::model::chart::svg::{SvgOptions, chart_element, chart_svg, layout_titled};
use plan_explorer::model::chart::{
    Annotation, Break, Chart, ChartOptions, ChartPoint, ChartSeries, GoalZone, LegendEntry, RangeBand, Role, Swatch,
    build_chart,
};
use plan_explorer::model::colours::Colour;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::scenario::embedded_actuals;

/// One drawn element: its tag, attributes and the words it carries (its text or its title).
#[derive(Debug, Clone)]
struct El {
    tag: String,
    attrs: Vec<(String, String)>,
    words: String,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn num(&self, name: &str) -> f64 {
        self.attr(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{} has no number {name}: {self:?}", self.tag))
    }

    /// The corners of a polygon or polyline.
    fn points(&self) -> Vec<(f64, f64)> {
        let list = self.attr("points").unwrap_or_default();
        list.split_whitespace()
            .map(|p| {
                let (x, y) = p.split_once(',').expect("x,y");
                (x.parse().expect("x"), y.parse().expect("y"))
            })
            .collect()
    }

    /// The middle of the marker's box (a circle's centre, a polygon's or a cross's bounds).
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let pts = match self.tag.as_str() {
            "circle" => {
                let (x, y, r) = (self.num("cx"), self.num("cy"), self.num("r"));
                vec![(x - r, y - r), (x + r, y + r)]
            }
            "path" => {
                let d = self.attr("d").unwrap_or_default().replace(['M', 'L'], " ");
                d.split_whitespace()
                    .map(|p| {
                        let (x, y) = p.split_once(',').expect("x,y");
                        (x.parse().expect("x"), y.parse().expect("y"))
                    })
                    .collect()
            }
            _ => self.points(),
        };
        let xs = pts.iter().map(|p| p.0);
        let ys = pts.iter().map(|p| p.1);
        (
            xs.clone().fold(f64::MAX, f64::min),
            ys.clone().fold(f64::MAX, f64::min),
            xs.fold(f64::MIN, f64::max),
            ys.fold(f64::MIN, f64::max),
        )
    }
}

/// Every element of an SVG, in drawing order.
fn elements(svg: &str) -> Vec<El> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not SVG: {e}\n{svg}"));
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() != "title")
        .map(|n| {
            let own: String = n.children().filter(|c| c.is_text()).filter_map(|c| c.text()).collect();
            let title =
                n.children().find(|c| c.tag_name().name() == "title").and_then(|t| t.text()).unwrap_or_default();
            El {
                tag: n.tag_name().name().to_string(),
                attrs: n.attributes().map(|a| (a.name().to_string(), a.value().to_string())).collect(),
                words: if own.trim().is_empty() { title.to_string() } else { own.trim().to_string() },
            }
        })
        .collect()
}

fn point(x: f64, y: f64) -> ChartPoint {
    ChartPoint { x, y, note: String::new() }
}

fn series(name: &str, role: Role, style: Style, points: &[(f64, f64)]) -> ChartSeries {
    ChartSeries {
        name: name.to_string(),
        role,
        measure: "m".to_string(),
        source: String::new(),
        style,
        points: points.iter().map(|&(x, y)| point(x, y)).collect(),
        slot: None,
    }
}

fn style(colour: Colour, line: Option<Dash>, marker: Option<Marker>) -> Style {
    Style { colour, line, marker, width: 2.0, muted: false }
}

/// A chart with every kind of mark, on axes whose numbers are easy to check by eye: years
/// 2010–2020 (ticks every five), 0–4 % (ticks every one).
fn every_mark() -> Chart {
    let all = [
        series(
            "实际值",
            Role::Actual,
            style(Colour::Blue, Some(Dash::Solid), Some(Marker::Circle)),
            &[(2010.0, 1.0), (2011.0, 2.0), (2012.0, 2.5), (2015.0, 3.5), (2016.0, 3.0)],
        ),
        series("规划目标", Role::Target, style(Colour::Vermilion, None, Some(Marker::Diamond)), &[(2020.0, 2.5)]),
        series(
            "方块",
            Role::Projection,
            style(Colour::Orange, Some(Dash::Dashed), Some(Marker::Square)),
            &[(2016.0, 0.5), (2020.0, 1.5)],
        ),
        series("上三角", Role::AltTarget, style(Colour::SkyBlue, None, Some(Marker::TriangleUp)), &[(2018.0, 4.0)]),
        series("下三角", Role::AltTarget, style(Colour::Ink, None, Some(Marker::TriangleDown)), &[(2019.0, 0.0)]),
        series("叉", Role::AltTarget, style(Colour::ReddishPurple, None, Some(Marker::Cross)), &[(2017.0, 2.0)]),
    ];
    let mut legend: Vec<LegendEntry> =
        all.iter().map(|s| LegendEntry { label: s.name.clone(), swatch: Swatch::Series(s.style) }).collect();
    legend.push(LegendEntry { label: "目标区间".to_string(), swatch: Swatch::Area(GOAL_FILL) });
    Chart {
        title: "研究与试验发展经费投入强度".to_string(),
        x_axis: Axis {
            unit: "年".to_string(),
            scale: Scale::Linear,
            min: 2010.0,
            max: 2020.0,
            ticks: vec![2010.0, 2015.0, 2020.0],
        },
        y_axis: Axis {
            unit: "%".to_string(),
            scale: Scale::Linear,
            min: 0.0,
            max: 4.0,
            ticks: vec![0.0, 1.0, 2.0, 3.0, 4.0],
        },
        goals: vec![GoalZone { measure: "m".to_string(), x: (2015.0, 2020.0), y: (2.5, 4.0) }],
        bands: vec![RangeBand { measure: "m".to_string(), points: vec![(2016.0, 1.0, 2.0), (2018.0, 1.5, 3.0)] }],
        series: all.to_vec(),
        annotations: vec![Annotation { year: 2017, text: "统计口径调整".to_string() }],
        breaks: vec![Break { from: 2013, to: 2014, label: "无数据".to_string() }],
        legend,
        notes: vec!["以2015年为100".to_string()],
        ..Chart::default()
    }
}

/// The plot area (the clip rectangle), as x, y, right, bottom.
fn plot_area(els: &[El]) -> (f64, f64, f64, f64) {
    let clip = els.iter().skip_while(|e| e.tag != "clipPath").nth(1).expect("the plot's clip rectangle");
    let (x, y) = (clip.num("x"), clip.num("y"));
    (x, y, x + clip.num("width"), y + clip.num("height"))
}

fn texts<'a>(els: &'a [El], anchor: &'a str) -> impl Iterator<Item = &'a El> + 'a {
    els.iter().filter(move |e| e.tag == "text" && e.attr("text-anchor") == Some(anchor))
}

/// Where the value-axis tick labels put each value: (value, the y of its grid line).
fn value_ticks(els: &[El]) -> Vec<(f64, f64)> {
    let grid_lines: Vec<&El> = els.iter().filter(|e| e.tag == "line" && e.num("y1") == e.num("y2")).collect();
    texts(els, "end")
        .map(|t| {
            let size = t.num("font-size");
            // Each label's grid line is the horizontal line just above its baseline.
            let line = grid_lines
                .iter()
                .filter(|l| l.num("y1") < t.num("y") && t.num("y") - l.num("y1") < size)
                .max_by(|a, b| a.num("y1").total_cmp(&b.num("y1")))
                .unwrap_or_else(|| panic!("no grid line at the label {}", t.words));
            (t.words.parse().expect("a number"), line.num("y1"))
        })
        .collect()
}

/// Where the year-axis tick labels put each year: (year, x).
fn year_ticks(els: &[El], bottom: f64) -> Vec<(f64, f64)> {
    texts(els, "middle")
        .filter(|t| t.num("y") > bottom)
        .filter_map(|t| Some((t.words.parse().ok()?, t.num("x"))))
        .collect()
}

/// The pixel a value maps to, read off two ticks (linear between them and beyond).
fn through(ticks: &[(f64, f64)], v: f64) -> f64 {
    let (a, b) = (ticks[0], ticks[ticks.len() - 1]);
    a.1 + (v - a.0) / (b.0 - a.0) * (b.1 - a.1)
}

fn near(a: f64, b: f64, what: &str) {
    assert!((a - b).abs() <= 0.15, "{what}: {a} is not at {b}");
}

#[test]
fn every_point_sits_where_the_tick_labels_say_its_year_and_value_are() {
    let chart = every_mark();
    let els = elements(&chart_svg(&chart, &SvgOptions::new(960.0, 460.0)));
    let (left, top, right, bottom) = plot_area(&els);
    let years = year_ticks(&els, bottom);
    let values = value_ticks(&els);
    assert_eq!(years.iter().map(|t| t.0).collect::<Vec<_>>(), [2010.0, 2015.0, 2020.0]);
    assert_eq!(values.iter().map(|t| t.0).collect::<Vec<_>>(), [0.0, 1.0, 2.0, 3.0, 4.0]);
    // Equal steps: five years are the same width wherever, one per cent the same height.
    near(years[1].1 - years[0].1, years[2].1 - years[1].1, "five years");
    for w in values.windows(2) {
        near(w[0].1 - w[1].1, values[0].1 - values[1].1, "one per cent");
    }
    // The axis's ends are the plot's: 0 on its floor, 4 on its ceiling; half a year's room at
    // each end so the first and last points are whole.
    near(values[0].1, bottom, "0 %");
    near(values[4].1, top, "4 %");
    let half_year = (years[1].1 - years[0].1) / 10.0;
    near(years[0].1 - left, half_year, "room before 2010");
    near(right - years[2].1, half_year, "room after 2020");

    // Every marker is centred on its year and holds its value; named in its title.
    for s in &chart.series {
        for p in &s.points {
            let title = format!("{} {}: {}", s.name, p.x, plan_explorer::model::format::readable(p.y));
            let marker = els.iter().find(|e| e.words == title).unwrap_or_else(|| panic!("no marker titled {title}"));
            let (x0, y0, x1, y1) = marker.bounds();
            near((x0 + x1) / 2.0, through(&years, p.x), &title);
            let y = through(&values, p.y);
            assert!(y0 < y && y < y1, "{title}: {y} outside the marker's {y0}–{y1}");
        }
    }
    // The line goes through its points, in year order, broken at the break in the data.
    let blue = Colour::Blue.hex(false);
    let lines: Vec<Vec<(f64, f64)>> =
        els.iter().filter(|e| e.tag == "polyline" && e.attr("stroke") == Some(blue.as_str())).map(El::points).collect();
    assert_eq!(lines.len(), 2, "two runs either side of 2013–2014: {lines:?}");
    let expected = [vec![(2010.0, 1.0), (2011.0, 2.0), (2012.0, 2.5)], vec![(2015.0, 3.5), (2016.0, 3.0)]];
    for (line, points) in lines.iter().zip(&expected) {
        assert_eq!(line.len(), points.len());
        for (&(x, y), &(year, v)) in line.iter().zip(points) {
            near(x, through(&years, year), &format!("line at {year}"));
            near(y, through(&values, v), &format!("line at {year} = {v}"));
        }
    }
    // The dashed line is dashed, the solid one is not.
    let dashed = els.iter().find(|e| e.tag == "polyline" && e.attr("stroke-dasharray").is_some()).expect("dashed");
    assert_eq!(dashed.attr("stroke"), Some(Colour::Orange.hex(false).as_str()));
}

#[test]
fn on_a_log_axis_each_tenfold_is_the_same_height() {
    let mut chart = every_mark();
    chart.y_axis = Axis {
        unit: "亿元".to_string(),
        scale: Scale::Log,
        min: 1.0,
        max: 1000.0,
        ticks: vec![1.0, 10.0, 100.0, 1000.0],
    };
    chart.series = vec![series(
        "实际值",
        Role::Actual,
        style(Colour::Blue, Some(Dash::Solid), Some(Marker::Circle)),
        &[(2010.0, 2.0), (2011.0, 20.0), (2012.0, 0.0), (2013.0, 200.0)],
    )];
    chart.breaks.clear();
    let els = elements(&chart_svg(&chart, &SvgOptions::new(960.0, 460.0)));
    let (_, top, _, bottom) = plot_area(&els);
    let ticks = value_ticks(&els);
    assert_eq!(ticks.len(), 4);
    let decade = ticks[0].1 - ticks[1].1;
    assert!(decade > 50.0, "{ticks:?}");
    for w in ticks.windows(2) {
        near(w[0].1 - w[1].1, decade, "a tenfold");
    }
    near(ticks[0].1, bottom, "1 at the floor");
    near(ticks[3].1, top, "1000 at the ceiling");
    // 2, 20 and 200 each sit log10(2) of a decade above 1, 10, 100; zero is not drawn, and
    // the line breaks there.
    let line: Vec<Vec<(f64, f64)>> = els.iter().filter(|e| e.tag == "polyline").map(El::points).collect();
    assert_eq!(line.len(), 1, "{line:?}");
    assert_eq!(line[0].len(), 2, "2 and 20 joined, 200 after the gap alone: {line:?}");
    near(line[0][0].1, ticks[0].1 - decade * 2f64.log10(), "2");
    near(line[0][1].1, ticks[1].1 - decade * 2f64.log10(), "20");
    assert!(!els.iter().any(|e| e.words.starts_with("实际值 2012")), "a zero has no place on a log axis");
    let unit = els.iter().find(|e| e.tag == "text" && e.words.starts_with("亿元")).expect("unit");
    assert_eq!(unit.words, "亿元（对数刻度）");
    chart.x_axis.unit = "year".to_string();
    let english = chart_svg(&chart, &SvgOptions::new(960.0, 460.0));
    assert!(english.contains("亿元 (log scale)"), "in English the scale says so in English");
    chart.y_axis.scale = Scale::Linear;
    assert!(!chart_svg(&chart, &SvgOptions::new(960.0, 460.0)).contains("log scale"));
}

#[test]
fn tick_labels_sit_at_their_grid_lines_beside_and_below_the_plot() {
    let chart = every_mark();
    for (w, h) in [(960.0, 460.0), (1920.0, 1080.0), (600.0, 300.0)] {
        let els = elements(&chart_svg(&chart, &SvgOptions::new(w, h)));
        let (left, top, right, bottom) = plot_area(&els);
        for t in texts(&els, "end") {
            let f = t.num("font-size");
            let x = t.num("x");
            assert!(
                x < left && x > left - f,
                "{w}×{h}: the label {} ends just left of the plot ({x} vs {left})",
                t.words
            );
            let width = plan_explorer::model::drawing::text_width(&t.words) * f;
            assert!(x - width >= 0.0, "{w}×{h}: the label {} fits in the margin", t.words);
        }
        for (value, y) in value_ticks(&els) {
            let label = texts(&els, "end").find(|t| t.words.parse::<f64>().ok() == Some(value)).expect("label");
            let f = label.num("font-size");
            let below = label.num("y") - y;
            assert!(
                below > 0.2 * f && below < 0.5 * f,
                "{w}×{h}: {value} is centred on its grid line ({below} px below)"
            );
            let line = els.iter().find(|e| e.tag == "line" && e.num("y1") == y && e.num("y2") == y).expect("grid line");
            near(line.num("x1"), left, "grid from the plot's left");
            near(line.num("x2"), right, "grid to the plot's right");
        }
        for (year, x) in year_ticks(&els, bottom) {
            let label = texts(&els, "middle").find(|t| t.words == format!("{year}")).expect("label");
            let f = label.num("font-size");
            let below = label.num("y") - bottom;
            assert!(
                below > f && below < 1.6 * f && label.num("y") < h,
                "{w}×{h}: {year} just under the plot ({below})"
            );
            let rule = els.iter().find(|e| e.tag == "line" && e.num("x1") == x && e.num("x2") == x).expect("year rule");
            near(rule.num("y1"), top, "year rule from the top");
            near(rule.num("y2"), bottom, "year rule to the floor");
        }
        // The axis line along the floor, the unit above the value axis.
        let floor = els
            .iter()
            .find(|e| {
                e.tag == "line"
                    && e.num("y1") == e.num("y2")
                    && (e.num("y1") - bottom).abs() < 0.15
                    && e.attr("stroke-width") == Some("1.2")
            })
            .expect("the axis line");
        near(floor.num("x1"), left, "axis from the left");
        near(floor.num("x2"), right, "axis to the right");
        let unit = els.iter().find(|e| e.tag == "text" && e.words == "%").expect("unit");
        let f = unit.num("font-size");
        assert!(unit.num("y") < top && unit.num("y") > top - f, "{w}×{h}: the unit just above the plot");
        assert!(unit.num("x") < left && unit.num("x") > left - f, "{w}×{h}: the unit over the value axis");
    }
}

#[test]
fn areas_and_notes_span_the_years_and_values_they_stand_for() {
    let chart = every_mark();
    let els = elements(&chart_svg(&chart, &SvgOptions::new(960.0, 460.0)));
    let (_, top, _, bottom) = plot_area(&els);
    let years = year_ticks(&els, bottom);
    let values = value_ticks(&els);
    let green = Colour::BluishGreen.hex(false);
    // The goal zone: 2015 to 2020, from the target 2.5 up to the top of the axis.
    let goal = els.iter().find(|e| e.tag == "rect" && e.attr("fill") == Some(green.as_str())).expect("goal zone");
    near(goal.num("x"), through(&years, 2015.0), "goal from 2015");
    near(goal.num("x") + goal.num("width"), through(&years, 2020.0), "goal to 2020");
    near(goal.num("y"), top, "goal up to 4 %");
    near(goal.num("y") + goal.num("height"), through(&values, 2.5), "goal down to 2.5 %");
    assert_eq!(goal.attr("fill-opacity"), Some(format!("{}", GOAL_FILL.opacity).as_str()));
    // The band: its upper edge left to right, then its lower edge back.
    let band = els
        .iter()
        .find(|e| {
            e.tag == "polygon" && e.attr("fill") == Some(Colour::SkyBlue.hex(false).as_str()) && e.words.is_empty()
        })
        .expect("band");
    assert_eq!(band.attr("fill-opacity"), Some(format!("{}", BAND_FILL.opacity).as_str()));
    let expected = [(2016.0, 2.0), (2018.0, 3.0), (2018.0, 1.5), (2016.0, 1.0)];
    let drawn = band.points();
    assert_eq!(drawn.len(), 4, "{drawn:?}");
    for (&(x, y), &(year, v)) in drawn.iter().zip(&expected) {
        near(x, through(&years, year), &format!("band at {year}"));
        near(y, through(&values, v), &format!("band {v} at {year}"));
    }
    // The break: shaded over the whole of 2013 and 2014, full height, labelled in its middle.
    let grey = Colour::Grey.hex(false);
    let shade = els.iter().find(|e| e.tag == "rect" && e.attr("fill") == Some(grey.as_str())).expect("break");
    near(shade.num("x"), through(&years, 2012.5), "break from 2013's start");
    near(shade.num("x") + shade.num("width"), through(&years, 2014.5), "break to 2014's end");
    near(shade.num("y"), top, "break from the top");
    near(shade.num("y") + shade.num("height"), bottom, "break to the floor");
    let label = els.iter().find(|e| e.words == "无数据").expect("break label");
    near(label.num("x"), through(&years, 2013.5), "break label centred");
    assert!(label.num("y") > top && label.num("y") < top + 1.5 * label.num("font-size") / 0.8, "inside, at the top");
    // The annotation: a rule at 2017 from just above the plot to its floor, labelled above.
    let purple = Colour::ReddishPurple.hex(false);
    let rule = els.iter().find(|e| e.tag == "line" && e.attr("stroke") == Some(purple.as_str())).expect("rule");
    near(rule.num("x1"), through(&years, 2017.0), "rule at 2017");
    assert_eq!(rule.num("x1"), rule.num("x2"), "upright");
    assert!(rule.num("y1") < top && rule.num("y1") > top - 10.0, "from just above the plot");
    near(rule.num("y2"), bottom, "to the floor");
    let note = els.iter().find(|e| e.words == "2017 统计口径调整").expect("the rule's label");
    near(note.num("x"), rule.num("x1"), "label over its rule");
    assert!(note.num("y") < rule.num("y1"), "label above the data");
}

#[test]
fn the_legend_lies_beside_the_plot_one_entry_under_another() {
    let chart = every_mark();
    let (w, h) = (960.0, 460.0);
    let els = elements(&chart_svg(&chart, &SvgOptions::new(w, h)));
    let (_, top, right, bottom) = plot_area(&els);
    let labels: Vec<&El> = chart
        .legend
        .iter()
        .map(|e| els.iter().find(|t| t.tag == "text" && t.words == e.label).expect("entry"))
        .collect();
    for pair in labels.windows(2) {
        assert!(pair[1].num("y") > pair[0].num("y"), "{} under {}", pair[1].words, pair[0].words);
        assert_eq!(pair[0].num("x"), pair[1].num("x"), "aligned");
    }
    let f = labels[0].num("font-size");
    assert!(labels[0].num("y") > top && labels[0].num("y") < top + 1.5 * f, "starts at the plot's top");
    for l in &labels {
        let x = l.num("x");
        let end = x + plan_explorer::model::drawing::text_width(&l.words) * f;
        assert!(x > right + f && end <= w && l.num("y") <= bottom, "{} beside the plot, on the page", l.words);
    }
    // Each swatch sits before its words, on their middle: a line of the series' colour with its
    // marker at the line's middle; an area as a filled box.
    let blue = Colour::Blue.hex(false);
    let swatch = els.iter().find(|e| e.tag == "line" && e.attr("stroke") == Some(blue.as_str())).expect("swatch line");
    let words_x = labels[0].num("x");
    near(swatch.num("x2") - swatch.num("x1"), 2.2 * f, "a short stretch of line");
    assert!(swatch.num("x2") < words_x && words_x - swatch.num("x1") < 3.5 * f, "just before its words");
    let mid = swatch.num("y1");
    assert!(mid < labels[0].num("y") && mid > labels[0].num("y") - f, "on the words' middle");
    let dot = els
        .iter()
        .rfind(|e| e.tag == "circle" && e.attr("fill") == Some(blue.as_str()) && e.words.is_empty())
        .expect("swatch marker");
    near(dot.num("cx"), (swatch.num("x1") + swatch.num("x2")) / 2.0, "marker in the swatch's middle");
    near(dot.num("cy"), mid, "marker on the swatch line");
    let area = els
        .iter()
        .rfind(|e| e.tag == "rect" && e.attr("fill") == Some(Colour::BluishGreen.hex(false).as_str()))
        .expect("area swatch");
    let area_words = labels.last().expect("area entry");
    assert!(area.num("x") + area.num("width") < area_words.num("x"), "box before its words");
    assert!(
        area.num("y") < area_words.num("y") && area.num("y") + area.num("height") > area_words.num("y") - f,
        "box on its words' line"
    );
}

#[test]
fn a_chart_on_its_own_has_its_title_and_notes_above_the_plot_and_a_slides_chart_has_none() {
    let chart = every_mark();
    let els = elements(&chart_svg(&chart, &SvgOptions::new(960.0, 460.0)));
    let (left, top, _, _) = plot_area(&els);
    let title = els.iter().find(|e| e.tag == "text" && e.words == chart.title).expect("title");
    let note = els.iter().find(|e| e.words == "以2015年为100").expect("note");
    assert_eq!(title.attr("font-weight"), Some("bold"));
    let f = note.num("font-size") / 0.9;
    assert!(title.num("font-size") > note.num("font-size"), "the title is the largest type");
    assert!(
        title.num("y") > 0.0 && title.num("y") < note.num("y") && note.num("y") < top - f,
        "title, note, then the plot"
    );
    assert!(title.num("x") < left && note.num("x") == title.num("x"), "flush left");
    let unit = els.iter().find(|e| e.words == "%").expect("unit");
    assert!(note.num("y") + f * 0.3 < unit.num("y") - f, "the note clear of the unit's line");

    let bare = elements(&chart_svg(&chart, &SvgOptions { titled: false, ..SvgOptions::new(960.0, 460.0) }));
    assert!(
        !bare.iter().any(|e| e.tag == "text" && e.words == chart.title || e.words == "以2015年为100"),
        "a slide writes its own title"
    );
    let (_, bare_top, _, _) = plot_area(&bare);
    assert!(bare_top < top, "the plot takes the title's room");
    // A long title is cut to its first line, within the page.
    let mut long = chart.clone();
    long.title = "研究与试验发展经费投入强度".repeat(8);
    let els = elements(&chart_svg(&long, &SvgOptions::new(960.0, 460.0)));
    let first = els.iter().find(|e| e.attr("font-weight") == Some("bold")).expect("title");
    let width = plan_explorer::model::drawing::text_width(&first.words) * first.num("font-size");
    assert!(first.num("x") + width <= 960.0 && first.words.chars().count() > 20, "{}", first.words);
}

#[test]
fn type_grows_with_the_chart_and_never_falls_below_eleven_pixels() {
    let chart = every_mark();
    let size_at = |h: f64| layout_titled(&chart, h * 2.0, h, true).font;
    assert_eq!(size_at(150.0), 11.0, "a small chart keeps readable type");
    assert_eq!(size_at(3000.0), 40.0, "a huge one stops growing");
    assert!(size_at(1080.0) > 2.0 * size_at(460.0), "a full-screen chart's type is over twice a page's");
    let els = elements(&chart_svg(&chart, &SvgOptions::new(1920.0, 1080.0)));
    let tick = texts(&els, "end").next().expect("tick label");
    assert_eq!(tick.num("font-size"), 36.0, "1080 / 30");
    // The plot leaves the bottom for the year labels, the left for the widest value label.
    let l = layout_titled(&chart, 1920.0, 1080.0, true);
    assert!(l.plot.bottom() + 1.3 * l.font < 1080.0 && l.plot.bottom() > 1080.0 - 3.0 * l.font);
}

#[test]
fn many_entries_shrink_the_legends_type_to_fit_beside_the_plot() {
    let mut chart = every_mark();
    let one = chart.legend[0].clone();
    chart.legend = (0..30).map(|k| LegendEntry { label: format!("情景{k}：{}", one.label), ..one.clone() }).collect();
    let l = layout_titled(&chart, 960.0, 460.0, true);
    assert!(l.legend_font < l.font, "smaller type: {} vs {}", l.legend_font, l.font);
    // It shrinks by tenths, stopping at the first step at or under 60 %.
    assert!(l.legend_font >= l.font * 0.59, "but not below about 60 %: {}", l.legend_font);
    let few = layout_titled(&every_mark(), 960.0, 460.0, true);
    assert_eq!(few.legend_font, few.font, "a short legend keeps full-size type");
    // What fits is drawn in the box; the legend never overlaps the plot or the page's edge.
    assert!(
        !l.legend.intersects(&l.plot)
            && l.legend.right() <= 960.0 + 1e-9
            && l.legend.bottom() <= l.plot.bottom() + 1e-9
    );
    // A long name wraps to the legend's width instead of running off the page.
    let mut long = every_mark();
    long.legend[0].label = "国家“十三五”科技创新规划的全国目标值（对比）".repeat(2);
    let l = layout_titled(&long, 960.0, 460.0, true);
    assert!(l.legend_lines[0].len() > 1, "{:?}", l.legend_lines[0]);
    let widest = l.legend_lines[0].iter().map(|s| plan_explorer::model::drawing::text_width(s)).fold(0.0, f64::max);
    assert!(l.legend.x + (widest + 3.0) * l.legend_font <= 960.0 + l.legend_font, "wrapped within the page");
    let els = elements(&chart_svg(&long, &SvgOptions::new(960.0, 460.0)));
    let lines: Vec<&El> = els.iter().filter(|e| l.legend_lines[0].contains(&e.words)).collect();
    assert_eq!(lines.len(), l.legend_lines[0].len());
    near(lines[1].num("y") - lines[0].num("y"), 1.25 * l.legend_font, "one line under the other");
    let next = els.iter().find(|e| e.words == long.legend[1].label).expect("second entry");
    assert!(next.num("y") > lines[lines.len() - 1].num("y") + l.legend_font, "the next entry under the wrapped one");
    // No legend: the plot takes the width.
    let mut none = every_mark();
    none.legend_placement = plan_explorer::model::chart::LegendPlacement::None;
    let l = layout_titled(&none, 960.0, 460.0, true);
    assert!(l.plot.right() > 900.0 && l.legend.w == 0.0, "{:?}", l.plot);
}

#[test]
fn a_slides_chart_is_placed_where_the_slide_puts_it_in_its_theme() {
    let chart = every_mark();
    let placed = chart_element(
        &chart,
        &SvgOptions { x: 40.0, y: 120.0, dark: true, titled: false, ..SvgOptions::new(800.0, 400.0) },
    );
    let els = elements(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{placed}</svg>"));
    let inner = els.iter().find(|e| e.tag == "svg" && e.attr("x").is_some()).expect("nested svg");
    assert_eq!((inner.num("x"), inner.num("y"), inner.num("width"), inner.num("height")), (40.0, 120.0, 800.0, 400.0));
    let ground = els.iter().find(|e| e.tag == "rect").expect("background");
    assert_eq!(
        ground.attr("fill"),
        Some(plan_explorer::model::colours::hex(plan_explorer::model::colours::background(true)).as_str())
    );
    let ink = Colour::Ink.hex(true);
    assert!(texts(&els, "end").all(|t| t.attr("fill") == Some(ink.as_str())), "light ink on the dark ground");
    assert!(els.iter().any(|e| e.tag == "polyline" && e.attr("stroke") == Some(Colour::Blue.hex(true).as_str())));
    // Standalone, the same chart starts at the page's corner whatever the slide's position.
    let alone = elements(&chart_svg(&chart, &SvgOptions { x: 40.0, y: 120.0, ..SvgOptions::new(800.0, 400.0) }));
    let inner = alone.iter().filter(|e| e.tag == "svg").nth(1).expect("nested svg");
    assert_eq!((inner.num("x"), inner.num("y")), (0.0, 0.0));
}

#[test]
fn another_sources_series_is_drawn_lighter() {
    let mut chart = every_mark();
    chart.series[0].style.muted = true;
    if let Swatch::Series(s) = &mut chart.legend[0].swatch {
        s.muted = true;
    }
    let els = elements(&chart_svg(&chart, &SvgOptions::new(960.0, 460.0)));
    let blue = Colour::Blue.hex(false);
    let line = els.iter().find(|e| e.tag == "polyline" && e.attr("stroke") == Some(blue.as_str())).expect("line");
    assert_eq!(line.attr("stroke-opacity"), Some("0.55"));
    let swatch = els.iter().find(|e| e.tag == "line" && e.attr("stroke") == Some(blue.as_str())).expect("swatch");
    assert_eq!(swatch.attr("stroke-opacity"), Some("0.55"), "its legend says so too");
    let full = els
        .iter()
        .find(|e| e.tag == "polyline" && e.attr("stroke") == Some(Colour::Orange.hex(false).as_str()))
        .expect("other");
    assert_eq!(full.attr("stroke-opacity"), Some("1"));
}

#[test]
fn the_real_charts_points_follow_their_axes() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    for key in ["rd_intensity", "tech_contract_value"] {
        let m = groups.iter().find(|m| m.key == key).expect(key);
        for log in [false, true] {
            let chart = build_chart(&[m], &[&actuals], 2015, ChartOptions { log, ..ChartOptions::default() });
            let els = elements(&chart_svg(&chart, &SvgOptions::new(1280.0, 720.0)));
            let (_, _, _, bottom) = plot_area(&els);
            let years = year_ticks(&els, bottom);
            let values = value_ticks(&els);
            assert!(years.len() >= 2 && values.len() >= 2, "{key}: {years:?} {values:?}");
            let value_y = |v: f64| match chart.y_axis.scale {
                Scale::Linear => through(&values, v),
                Scale::Log => {
                    let logs: Vec<(f64, f64)> = values.iter().map(|&(t, y)| (t.log10(), y)).collect();
                    through(&logs, v.log10())
                }
            };
            let mut checked = 0;
            for s in chart.series.iter().filter(|s| s.style.marker.is_some()) {
                for p in s.points.iter().filter(|p| chart.y_axis.scale == Scale::Linear || p.y > 0.0) {
                    let title = format!("{} {}: {}", s.name, p.x, plan_explorer::model::format::readable(p.y));
                    let marker = els.iter().find(|e| e.words == title).unwrap_or_else(|| panic!("{key}: no {title}"));
                    let (x0, y0, x1, y1) = marker.bounds();
                    near((x0 + x1) / 2.0, through(&years, p.x), &title);
                    let y = value_y(p.y);
                    assert!(y0 - 0.15 <= y && y <= y1 + 0.15, "{key} log={log}: {title} at {y}, marker {y0}–{y1}");
                    checked += 1;
                }
            }
            assert!(checked >= 5, "{key}: {checked} points");
        }
    }
}

/// A text's box: left, top, right, bottom (Chinese is a full em wide, Latin about half).
fn text_box(t: &El) -> (f64, f64, f64, f64) {
    let f = t.num("font-size");
    let w = plan_explorer::model::drawing::text_width(&t.words) * f;
    let x = match t.attr("text-anchor") {
        Some("end") => t.num("x") - w,
        Some("middle") => t.num("x") - w / 2.0,
        _ => t.num("x"),
    };
    (x, t.num("y") - f * 0.85, x + w, t.num("y") + f * 0.2)
}

#[test]
fn nothing_written_above_the_plot_overlaps_whatever_the_notes_and_rules() {
    for notes in [0, 1, 3, 5] {
        for ruled in [false, true] {
            let mut chart = every_mark();
            chart.notes = (0..notes).map(|k| format!("注{k}：按2015年价格计算")).collect();
            if !ruled {
                chart.annotations.clear();
            }
            for (w, h) in [(960.0, 460.0), (1920.0, 1080.0), (600.0, 300.0)] {
                let els = elements(&chart_svg(&chart, &SvgOptions::new(w, h)));
                let (_, top, right, _) = plot_area(&els);
                let above: Vec<&El> = els.iter().filter(|e| e.tag == "text" && e.num("y") < top).collect();
                let what = format!("{notes} notes, rules {ruled}, {w}×{h}");
                assert_eq!(above.len(), 1 + notes.min(3) + 1 + usize::from(ruled), "{what}: {above:?}");
                for (k, a) in above.iter().enumerate() {
                    let (l, t, r, b) = text_box(a);
                    assert!(t >= 0.0 && l >= 0.0, "{what}: {} leaves the page", a.words);
                    // Only the legend may stand to the right of the plot.
                    assert!(b <= top, "{what}: {} reaches into the plot", a.words);
                    assert!(r <= right + 1.0 || a.attr("font-weight") == Some("bold"), "{what}: {}", a.words);
                    for o in &above[k + 1..] {
                        let (l2, t2, r2, b2) = text_box(o);
                        let apart = r <= l2 || r2 <= l || b <= t2 || b2 <= t;
                        assert!(apart, "{what}: {} overlaps {}", a.words, o.words);
                    }
                }
            }
        }
    }
}

#[test]
fn the_value_axis_margin_fits_its_widest_label_snugly_and_is_two_ems_at_least() {
    let mut wide = every_mark();
    wide.y_axis = Axis {
        unit: "亿元".to_string(),
        scale: Scale::Linear,
        min: 0.0,
        max: 4_000_000.0,
        ticks: vec![0.0, 1_000_000.0, 2_000_000.0, 3_000_000.0, 4_000_000.0],
    };
    for s in &mut wide.series {
        for p in &mut s.points {
            p.y *= 1_000_000.0;
        }
    }
    for (chart, label) in [(&wide, "4000000"), (&every_mark(), "4")] {
        let els = elements(&chart_svg(chart, &SvgOptions::new(960.0, 460.0)));
        let (left, ..) = plot_area(&els);
        let widest = texts(&els, "end").find(|t| t.words == label).unwrap_or_else(|| panic!("no {label}"));
        let f = widest.num("font-size");
        let (start, ..) = text_box(widest);
        if label.len() > 3 {
            assert!(start >= 0.0 && start <= f, "{label}: begins within an em of the edge, at {start}");
        } else {
            assert!(left >= 2.5 * f && left <= 3.0 * f, "{label}: a short axis keeps two ems and a gap: {left}");
        }
    }
}

#[test]
fn rows_above_the_plot_follow_each_other_without_gaps() {
    for notes in [0, 1, 2, 3] {
        let mut chart = every_mark();
        chart.notes = (0..notes).map(|k| format!("注{k}：按2015年价格计算")).collect();
        let els = elements(&chart_svg(&chart, &SvgOptions::new(960.0, 460.0)));
        let (_, top, _, _) = plot_area(&els);
        let mut rows: Vec<f64> =
            els.iter().filter(|e| e.tag == "text" && e.num("y") < top).map(|e| e.num("y")).collect();
        rows.sort_by(f64::total_cmp);
        rows.dedup();
        let f = layout_titled(&chart, 960.0, 460.0, true).font;
        for pair in rows.windows(2) {
            assert!(pair[1] - pair[0] <= 2.5 * f, "{notes} notes: a gap of {} ems", (pair[1] - pair[0]) / f);
        }
    }
}

#[test]
fn every_legend_line_is_drawn_inside_the_chart_until_the_type_is_as_small_as_it_goes() {
    let one = every_mark().legend[0].clone();
    for (w, h) in [(960.0, 460.0), (600.0, 300.0), (1920.0, 1080.0)] {
        for n in 4..=40 {
            let mut chart = every_mark();
            chart.legend = (0..n)
                .map(|k| LegendEntry { label: format!("情景{k}：{}（对比方案）", one.label), ..one.clone() })
                .collect();
            let l = layout_titled(&chart, w, h, true);
            let els = elements(&chart_svg(&chart, &SvgOptions::new(w, h)));
            let (_, _, right, bottom) = plot_area(&els);
            let lines: Vec<&El> = els.iter().filter(|e| e.tag == "text" && e.num("x") > right).collect();
            assert!(!lines.is_empty());
            for t in &lines {
                let (_, _, r, _) = text_box(t);
                assert!(r <= w + 0.5 * l.legend_font, "{n} at {w}×{h}: {} runs off the page", t.words);
            }
            // Never under the plot's axis: at the smallest type, as many entries as fit and a
            // line saying how many more there are.
            let last = lines.iter().map(|t| t.num("y")).fold(0.0, f64::max);
            assert!(last <= bottom + 1e-6, "{n} at {w}×{h}: the last line at {last}, below the plot's {bottom}");
            let drawn = chart.legend.iter().filter(|e| lines.iter().any(|t| t.words == e.label)).count();
            let more = lines.iter().find(|t| t.words.starts_with("… +"));
            if drawn < n {
                let said = more.map(|t| t.words.clone()).unwrap_or_default();
                assert_eq!(said, format!("… +{}", n - drawn), "{n} at {w}×{h}");
                // As many as fit: the next entry and the count's line would not.
                let f = l.legend_font;
                let next = f * (1.25 * l.legend_lines[drawn].len() as f64 + 0.35);
                let top_of_more = more.map_or(0.0, |t| t.num("y")) - f;
                assert!(top_of_more + next + 1.25 * f > bottom - 1e-6, "{n} at {w}×{h}: room for another entry");
            } else {
                assert!(more.is_none(), "{n} at {w}×{h}: every entry is drawn");
            }
            // The legend is no wider than its words need, and at most about a third of the chart.
            let widest = lines.iter().map(|t| text_box(t).2).fold(0.0, f64::max);
            assert!(w - widest <= 1.6 * l.legend_font, "{n} at {w}×{h}: {} px to spare", w - widest);
            assert!(l.legend.w <= 0.3 * w + 4.0 * l.legend_font, "{n} at {w}×{h}: {} wide", l.legend.w);
        }
    }
}

#[test]
fn a_cross_is_two_strokes_through_its_point_and_legend_markers_are_the_plots_size() {
    let chart = every_mark();
    let (w, h) = (960.0, 460.0);
    let l = layout_titled(&chart, w, h, true);
    assert_eq!(l.legend_font, l.font, "the legend keeps full-size type here");
    let els = elements(&chart_svg(&chart, &SvgOptions::new(w, h)));
    // The cross (叉, 2017 at 2 %): two strokes in its colour, in the plot and in the legend.
    let purple = Colour::ReddishPurple.hex(false);
    let crosses: Vec<&El> =
        els.iter().filter(|e| e.tag == "path" && e.attr("stroke") == Some(purple.as_str())).collect();
    assert_eq!(crosses.len(), 2, "one in the plot, one in the legend");
    let (_, _, right, _) = plot_area(&els);
    let in_plot = crosses.iter().find(|e| !e.words.is_empty()).expect("the plot's cross names its point");
    let d = in_plot.attr("d").unwrap_or_default();
    let numbers: Vec<f64> =
        d.split(['M', 'L', ',']).filter(|s| !s.is_empty()).map(|s| s.parse().expect("a number")).collect();
    assert_eq!(numbers.len(), 8, "two strokes: {d}");
    // Both strokes cross at the same middle: the point, left of the legend.
    let mid = |k: usize| ((numbers[k] + numbers[k + 2]) / 2.0, (numbers[k + 1] + numbers[k + 3]) / 2.0);
    near(mid(0).0, mid(4).0, "the strokes' middles");
    near(mid(0).1, mid(4).1, "the strokes' middles");
    assert!(mid(0).0 < right, "in the plot");
    // A legend swatch's marker is as large as the series' markers in the plot.
    let blue = Colour::Blue.hex(false);
    let dots: Vec<&El> = els.iter().filter(|e| e.tag == "circle" && e.attr("fill") == Some(blue.as_str())).collect();
    let in_legend = dots.iter().find(|e| e.words.is_empty()).expect("the legend's marker");
    let on_plot = dots.iter().find(|e| !e.words.is_empty()).expect("a point's marker");
    near(in_legend.num("r"), on_plot.num("r"), "the legend's marker radius");
}

#[test]
fn a_long_legend_name_wraps_at_three_tenths_of_the_chart_with_a_margin_at_the_edge() {
    for (w, h) in [(960.0, 540.0), (1920.0, 1080.0)] {
        let mut chart = every_mark();
        chart.legend[0].label = "国家“十三五”科技创新规划的全国目标值与自治区目标值之比较（对比方案）".repeat(2);
        let l = layout_titled(&chart, w, h, true);
        assert!(l.legend_lines[0].len() > 1, "it wraps");
        assert!(
            l.legend.w >= 0.28 * w && l.legend.w <= 0.3 * w + 1.5 * l.legend_font,
            "{w}: the legend is {} wide",
            l.legend.w
        );
        let els = elements(&chart_svg(&chart, &SvgOptions::new(w, h)));
        let widest = els
            .iter()
            .filter(|e| e.tag == "text" && l.legend_lines[0].contains(&e.words))
            .map(|t| text_box(t).2)
            .fold(0.0, f64::max);
        assert!(w - widest >= 0.5 * l.legend_font, "{w}: its lines end {} px from the edge", w - widest);
    }
}

#[test]
fn the_legends_type_is_the_largest_that_fits() {
    // It shrinks by tenths only while it does not fit: one step larger would not.
    let one = every_mark().legend[0].clone();
    let mut shrunk = 0;
    for n in [8, 12, 16, 20, 24] {
        let mut chart = every_mark();
        chart.legend =
            (0..n).map(|k| LegendEntry { label: format!("情景{k}：{}", one.label), ..one.clone() }).collect();
        let (w, h) = (960.0, 460.0);
        let l = layout_titled(&chart, w, h, true);
        // Full size, or as small as it goes (then it may not fit, and says what it can).
        if l.legend_font >= l.font || l.legend_font <= l.font * 0.6 {
            continue;
        }
        let rows: usize = l.legend_lines.iter().map(Vec::len).sum();
        // Each entry's lines at 1.25 em, and a third of an em between entries.
        let needed = |f: f64| (rows as f64 * 1.25 + n as f64 * 0.35) * f;
        assert!(needed(l.legend_font) <= l.plot.h + 1e-6, "{n}: it fits at its size");
        assert!(needed(l.legend_font / 0.9) > l.plot.h, "{n}: a step larger ({}) would fit too", l.legend_font / 0.9);
        shrunk += 1;
    }
    assert!(shrunk >= 2, "legends between full size and the floor: {shrunk}");
}

#[test]
fn an_axis_of_no_years_draws_nothing_at_an_unknown_place_and_the_title_is_larger_than_the_labels() {
    let mut chart = every_mark();
    chart.x_axis.min = 2020.0;
    chart.x_axis.max = 2019.0;
    let svg = chart_svg(&chart, &SvgOptions::new(960.0, 460.0));
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "a position that is no number");
    let els = elements(&chart_svg(&every_mark(), &SvgOptions::new(960.0, 460.0)));
    let title = els.iter().find(|e| e.tag == "text" && e.words == "研究与试验发展经费投入强度").expect("the title");
    let tick = texts(&els, "end").next().expect("a value label");
    assert!(title.num("font-size") >= 1.25 * tick.num("font-size"), "the title stands out");
}
