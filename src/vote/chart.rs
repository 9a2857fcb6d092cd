//! The chart of votes over time: an SVG of bars, one per time bucket, drawn on the server so it
//! needs no script. Pure.

use std::fmt::Write;

/// The bucket length for a window: hours for up to four days, days beyond.
pub fn bucket_seconds(opens_at: i64, closes_at: i64) -> i64 {
    if closes_at - opens_at <= 4 * 86_400 { 3_600 } else { 86_400 }
}

/// An SVG bar chart of `buckets` (`(bucket start, votes)`, in time order). `title` is the
/// accessible name; `label` formats a bucket start for the first and last tick.
pub fn votes_over_time(buckets: &[(i64, u64)], title: &str, label: impl Fn(i64) -> String) -> String {
    const WIDTH: f64 = 640.0;
    const HEIGHT: f64 = 200.0;
    const AXIS: f64 = 24.0;
    let max = buckets.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {total}" role="img" aria-labelledby="votes-chart-title" class="chart"><title id="votes-chart-title">{title}</title>"#,
        total = HEIGHT + AXIS,
        title = escape(title),
    );
    let step = WIDTH / buckets.len().max(1) as f64;
    for (i, (start, votes)) in buckets.iter().enumerate() {
        let height = HEIGHT * (*votes as f64) / (max as f64);
        let _ = write!(
            svg,
            r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{height:.2}" fill="currentColor"><title>{when}: {votes}</title></rect>"#,
            x = i as f64 * step,
            y = HEIGHT - height,
            w = (step - 1.0).max(0.5),
            when = escape(&label(*start)),
        );
    }
    let _ = write!(svg, r#"<line x1="0" y1="{HEIGHT}" x2="{WIDTH}" y2="{HEIGHT}" stroke="currentColor"/>"#);
    if let (Some(first), Some(last)) = (buckets.first(), buckets.last()) {
        let _ = write!(
            svg,
            r#"<text x="0" y="{y}" font-size="12" fill="currentColor">{a}</text><text x="{WIDTH}" y="{y}" font-size="12" text-anchor="end" fill="currentColor">{b}</text>"#,
            y = HEIGHT + 16.0,
            a = escape(&label(first.0)),
            b = escape(&label(last.0)),
        );
    }
    let _ = write!(svg, r#"<text x="2" y="12" font-size="12" fill="currentColor">{max}</text></svg>"#);
    svg
}

/// Fills the buckets between the first and last with zeros, so quiet hours show as gaps.
pub fn fill_gaps(buckets: &[(i64, u64)], bucket: i64) -> Vec<(i64, u64)> {
    let (Some(first), Some(last)) = (buckets.first(), buckets.last()) else { return Vec::new() };
    let mut filled = Vec::new();
    let mut given = buckets.iter().peekable();
    let mut at = first.0;
    while at <= last.0 {
        let votes = match given.peek() {
            Some((start, votes)) if *start == at => {
                given.next();
                *votes
            }
            _ => 0,
        };
        filled.push((at, votes));
        at += bucket;
    }
    filled
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_bucket_scaled_to_the_largest() {
        let svg = votes_over_time(&[(0, 5), (3600, 10)], "Votes <per hour>", |t| format!("t{t}"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(r#"height="100.00""#), "{svg}");
        assert!(svg.contains(r#"height="200.00""#), "{svg}");
        assert!(svg.contains("Votes &lt;per hour&gt;"));
        assert!(svg.contains(">t0<") && svg.contains(">t3600<"));
    }

    #[test]
    fn gaps_are_filled_with_zero_buckets() {
        assert_eq!(fill_gaps(&[(0, 1), (7200, 2)], 3600), vec![(0, 1), (3600, 0), (7200, 2)]);
        assert!(fill_gaps(&[], 3600).is_empty());
    }
}
