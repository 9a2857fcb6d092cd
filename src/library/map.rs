//! The library's map, drawn on the server as inline SVG: the countries of world-atlas'
//! 1:110m outlines (`data/map/world-110m.txt`, converted once by
//! `data/build/build_world_map.py`; Natural Earth data) in an equirectangular projection, and
//! one marker per city, its area proportional to the number of results there.
//!
//! The drawing's unit is a tenth of a degree: x runs from 0 (180° W) to 3600 (180° E), y from 0
//! (84° N) to 1440 (60° S). The outlines' points are stored in the same unit, so the path data
//! is the stored numbers as they are.

use std::fmt::Write;
use std::sync::LazyLock;

const OUTLINES_TXT: &str = include_str!("../../data/map/world-110m.txt");

/// Width and height of the drawing (the SVG's view box).
pub const WIDTH: f64 = 3600.0;
pub const HEIGHT: f64 = 1440.0;
/// The northernmost latitude drawn; the map ends at 60° S.
const NORTH: f64 = 84.0;
/// Radius of the marker of one result, and of the city with the most results.
const SMALLEST: f64 = 9.0;
const LARGEST: f64 = 48.0;

/// Where a point of the earth lies on the drawing.
pub fn project(lat: f64, lng: f64) -> (f64, f64) {
    let lng = (lng + 180.0).rem_euclid(360.0) - 180.0;
    let lat = lat.clamp(-90.0, 90.0);
    ((lng + 180.0) * 10.0, (NORTH - lat) * 10.0)
}

/// One country of the outlines file.
#[derive(Debug)]
struct Country {
    /// ISO 3166-1 numeric code, or "-" for the few territories without one.
    id: String,
    /// Each ring: its first point, then the step to each next point (tenths of a degree).
    rings: Vec<Vec<(i32, i32)>>,
}

fn parse(text: &str) -> Result<Vec<Country>, String> {
    let mut countries = Vec::new();
    for (index, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
        let at = |what: &str| format!("world map line {}: {what}", index + 1);
        let mut cells = line.split('\t');
        let (Some(id), Some(_name), Some(rings), None) = (cells.next(), cells.next(), cells.next(), cells.next())
        else {
            return Err(at("expected id, name and rings"));
        };
        let rings = rings
            .split(';')
            .map(|ring| {
                let numbers: Vec<i32> =
                    ring.split(',').map(|n| n.parse::<i32>().map_err(|_| at("a number"))).collect::<Result<_, _>>()?;
                if numbers.len() < 6 || numbers.len() % 2 != 0 {
                    return Err(at("a ring needs at least three points"));
                }
                Ok(numbers.chunks(2).map(|pair| (pair[0], pair[1])).collect())
            })
            .collect::<Result<Vec<_>, String>>()?;
        countries.push(Country { id: id.to_string(), rings });
    }
    Ok(countries)
}

/// The SVG path data of each country, computed once: `M` to the first point, then relative
/// lines. A ring that runs past ±180° is drawn a second time, 360° over (the view box clips).
static OUTLINES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let countries = parse(OUTLINES_TXT).expect("the embedded world map is well formed");
    countries
        .iter()
        .map(|country| {
            let mut path = String::new();
            for ring in &country.rings {
                let (x0, y0) = ring[0];
                let (mut x, mut low, mut high) = (x0, x0, x0);
                let mut steps = String::new();
                for (dx, dy) in &ring[1..] {
                    x += dx;
                    low = low.min(x);
                    high = high.max(x);
                    let _ = write!(steps, " {dx} {}", -dy);
                }
                let (start_x, start_y) = (x0 + 1800, 840 - y0);
                let mut starts = vec![start_x];
                if high > 1800 {
                    starts.push(start_x - 3600);
                }
                if low < -1800 {
                    starts.push(start_x + 3600);
                }
                for start in starts {
                    let _ = write!(path, "M{start} {start_y}l{}z", steps.trim_start());
                }
            }
            (country.id.clone(), path)
        })
        .collect()
});

/// A city with results, as the map shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CityMarker {
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lng: f64,
    pub count: u64,
    /// The results in this city (the same search, filtered by the city).
    pub href: String,
    /// What a screen reader says and a pointer shows: city, country, number of results.
    pub label: String,
}

/// The map of `markers`, as an SVG element: the countries (decorative), then each city as a
/// link, the busiest drawn first so that smaller markers stay on top and can be reached.
/// `title` names the map for assistive technology.
pub fn render(title: &str, markers: &[CityMarker]) -> String {
    let mut svg = String::with_capacity(80_000);
    let _ = write!(
        svg,
        r#"<svg class="world-map" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" aria-label="{}" xmlns="http://www.w3.org/2000/svg"><rect class="sea" width="{WIDTH}" height="{HEIGHT}"/><g class="land" aria-hidden="true">"#,
        escape(title)
    );
    for (id, path) in OUTLINES.iter() {
        let _ = write!(svg, r#"<path data-country="{id}" d="{path}"/>"#);
    }
    svg.push_str(r#"</g><g class="markers">"#);
    let most = markers.iter().map(|m| m.count).max().unwrap_or(1).max(1);
    let mut order: Vec<&CityMarker> = markers.iter().collect();
    order.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    for marker in order {
        let (x, y) = project(marker.lat, marker.lng);
        let label = escape(&marker.label);
        let _ = write!(
            svg,
            r#"<a href="{}" aria-label="{label}"><circle cx="{x:.1}" cy="{y:.1}" r="{:.1}"><title>{label}</title></circle></a>"#,
            escape(&marker.href),
            radius(marker.count, most)
        );
    }
    svg.push_str("</g></svg>");
    svg
}

/// The marker's radius: its area grows with the number of results, from the smallest marker
/// for one result to the largest for the busiest city.
pub fn radius(count: u64, most: u64) -> f64 {
    let most = most.max(1) as f64;
    let share = (count.max(1) as f64 / most).min(1.0);
    SMALLEST + (LARGEST - SMALLEST) * share.sqrt()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_outlines_cover_the_world() {
        let countries = parse(OUTLINES_TXT).unwrap();
        assert_eq!(countries.len(), 176, "world-atlas 110m less Antarctica");
        assert!(countries.iter().any(|c| c.id == "156"), "China");
        assert!(countries.iter().all(|c| c.id != "010"), "no Antarctica");
        assert_eq!(OUTLINES.len(), countries.len());
        // Every ring closes inside the drawing, or past ±180° where it is drawn twice.
        for country in &countries {
            for ring in &country.rings {
                let (mut x, mut y) = ring[0];
                for (dx, dy) in &ring[1..] {
                    x += dx;
                    y += dy;
                    assert!((-1900..=1950).contains(&x), "{}: x {x}", country.id);
                    assert!((-900..=840).contains(&y), "{}: y {y}", country.id);
                }
            }
        }
    }

    #[test]
    fn rings_across_the_antimeridian_are_drawn_on_both_sides() {
        let russia = &OUTLINES.iter().find(|(id, _)| id == "643").unwrap().1;
        let starts: Vec<i32> =
            russia.split('M').skip(1).map(|sub| sub.split(' ').next().unwrap().parse::<i32>().unwrap()).collect();
        assert!(starts.iter().any(|x| *x < 0) || starts.iter().any(|x| *x > 3600), "a copy 360° over: {starts:?}");
    }

    #[test]
    fn the_projection_is_equirectangular() {
        assert_eq!(project(84.0, -180.0), (0.0, 0.0));
        assert_eq!(project(-60.0, 180.0 - 1e-9).1, 1440.0);
        assert_eq!(project(0.0, 0.0), (1800.0, 840.0));
        let (x, y) = project(23.116, 113.25);
        assert!((x - 2932.5).abs() < 1e-6 && (y - 608.84).abs() < 1e-6, "Guangzhou at {x}, {y}");
        assert_eq!(project(0.0, 190.0).0, project(0.0, -170.0).0, "longitudes wrap");
    }

    #[test]
    fn markers_grow_with_their_results_and_are_labelled_links() {
        assert_eq!(radius(1, 1), LARGEST);
        assert_eq!(radius(1, 100), SMALLEST + (LARGEST - SMALLEST) * 0.1);
        assert!(radius(10, 100) < radius(50, 100));
        assert_eq!(radius(0, 0), LARGEST, "never below one result, never a division by zero");
        let marker = |name: &str, count: u64| CityMarker {
            name: name.into(),
            country: "Colombia".into(),
            lat: 4.61,
            lng: -74.08,
            count,
            href: format!("/library?q=a&city={count}"),
            label: format!("{name} <b>: {count}"),
        };
        let svg = render("Map \"of\" results", &[marker("Small", 1), marker("Big", 9)]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"aria-label="Map &quot;of&quot; results""#));
        assert!(svg.contains(r#"<a href="/library?q=a&amp;city=1" aria-label="Small &lt;b&gt;: 1">"#), "{svg}");
        let big = svg.find("Big &lt;b&gt;").unwrap();
        let small = svg.find("Small &lt;b&gt;").unwrap();
        assert!(big < small, "the busiest city first, so smaller markers are drawn on top");
        assert!(svg.contains(r#"<circle cx="1059.2" cy="793.9" r="48.0">"#), "{}", &svg[big - 200..big]);
        assert_eq!(svg.matches("<path ").count(), 176);
    }
}
