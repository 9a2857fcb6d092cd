//! JSON array and JSON Lines reading and writing of initiative records.

use std::io::Write;

use serde_json::value::RawValue;

use super::{ImportError, InitiativeRecord, Located, Location};

pub(super) fn read(file: &str, text: &str) -> Result<Vec<Located<InitiativeRecord>>, ImportError> {
    if text.trim_start().starts_with('[') { read_array(file, text) } else { read_lines(file, text) }
}

fn read_array(file: &str, text: &str) -> Result<Vec<Located<InitiativeRecord>>, ImportError> {
    let raws: Vec<&RawValue> = serde_json::from_str(text)
        .map_err(|e| ImportError::new(Location { file: file.into(), line: e.line() }, None::<String>, e.to_string()))?;
    raws.into_iter()
        .map(|raw| {
            // The raw value borrows from `text`, so its offset tells the line it starts on.
            let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
            let line = text[..offset].matches('\n').count() + 1;
            parse_record(file, line, raw.get())
        })
        .collect()
}

fn read_lines(file: &str, text: &str) -> Result<Vec<Located<InitiativeRecord>>, ImportError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| parse_record(file, index + 1, line))
        .collect()
}

fn parse_record(file: &str, line: usize, json: &str) -> Result<Located<InitiativeRecord>, ImportError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, InitiativeRecord>(&mut deserializer) {
        Ok(record) => Ok(Located { line, record }),
        Err(error) => {
            let path = error.path().to_string();
            let inner = error.into_inner();
            let location = Location { file: file.into(), line: line + inner.line().saturating_sub(1) };
            // serde_json appends " at line L column C" relative to the record; the location says it better.
            let message = inner.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            let field = (path != ".").then_some(path);
            Err(ImportError::new(location, field, message))
        }
    }
}

/// Writes records as JSON Lines: one record a line, in the format `read` accepts.
pub fn write_json_lines<'a>(
    out: &mut impl Write,
    records: impl IntoIterator<Item = &'a InitiativeRecord>,
) -> std::io::Result<()> {
    for record in records {
        serde_json::to_writer(&mut *out, record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
