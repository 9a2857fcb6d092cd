//! A real SMTP server on loopback for the tests: it speaks enough of the protocol for any
//! client (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every message it receives, and can
//! be stopped and restarted on the same port to play a mail server outage.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A message as received: its recipients and its decoded text body.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

pub struct SmtpSink {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    server: Mutex<Option<JoinHandle<()>>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let server = tokio::spawn(serve(listener, received.clone()));
        SmtpSink { addr, received, server: Mutex::new(Some(server)) }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Stops accepting mail (connections are refused) until `restart`.
    pub fn stop(&self) {
        if let Some(server) = self.server.lock().unwrap().take() {
            server.abort();
        }
    }

    pub async fn restart(&self) {
        let listener = TcpListener::bind(self.addr).await.unwrap();
        *self.server.lock().unwrap() = Some(tokio::spawn(serve(listener, self.received.clone())));
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until a message to `to` (anyone, when empty) whose subject contains `subject_contains`
    /// arrives (the outbox worker sends in the background).
    pub async fn wait_for(&self, to: &str, subject_contains: &str) -> Received {
        for _ in 0..200 {
            if let Some(found) = self
                .received()
                .into_iter()
                .find(|m| (to.is_empty() || m.to.iter().any(|t| t == to)) && m.subject.contains(subject_contains))
            {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no message to {to} about {subject_contains:?}; received: {:?}", self.received());
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn serve(listener: TcpListener, received: Arc<Mutex<Vec<Received>>>) {
    loop {
        let Ok((socket, _)) = listener.accept().await else { return };
        let received = received.clone();
        tokio::spawn(async move {
            let _ = session(socket, received).await;
        });
    }
}

async fn session(socket: tokio::net::TcpStream, received: Arc<Mutex<Vec<Received>>>) -> std::io::Result<()> {
    let (reader, mut writer) = socket.into_split();
    let mut lines = BufReader::new(reader);
    writer.write_all(b"220 kapok-test ESMTP\r\n").await?;
    let mut recipients = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        if command.starts_with("EHLO") {
            writer.write_all(b"250-kapok-test\r\n250 8BITMIME\r\n").await?;
        } else if command.starts_with("HELO")
            || command.starts_with("MAIL FROM")
            || command == "RSET"
            || command == "NOOP"
        {
            if command == "RSET" {
                recipients.clear();
            }
            writer.write_all(b"250 OK\r\n").await?;
        } else if command.starts_with("RCPT TO") {
            let address = line.trim_end()[8..].trim().trim_start_matches('<').trim_end_matches('>').to_string();
            recipients.push(address);
            writer.write_all(b"250 OK\r\n").await?;
        } else if command == "DATA" {
            writer.write_all(b"354 go ahead\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                data.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
            }
            received.lock().unwrap().push(parse(std::mem::take(&mut recipients), &data));
            writer.write_all(b"250 queued\r\n").await?;
        } else if command == "QUIT" {
            writer.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            writer.write_all(b"502 not implemented\r\n").await?;
        }
    }
}

/// Splits a message into headers and body and decodes the body (7bit, quoted-printable or
/// base64) and an encoded-word subject.
fn parse(to: Vec<String>, data: &str) -> Received {
    let data = data.replace("\r\n", "\n");
    let (headers, body) = data.split_once("\n\n").unwrap_or((&data, ""));
    let header = |name: &str| {
        let mut value = String::new();
        let mut inside = false;
        for line in headers.lines() {
            if inside && line.starts_with([' ', '\t']) {
                value.push_str(line.trim_start());
            } else if let Some(rest) = line.strip_prefix(name).and_then(|r| r.strip_prefix(':')) {
                value = rest.trim().to_string();
                inside = true;
            } else {
                inside = false;
            }
        }
        value
    };
    let encoding = header("Content-Transfer-Encoding").to_ascii_lowercase();
    let body = match encoding.as_str() {
        "base64" => {
            let joined: String = body.split_whitespace().collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(joined).unwrap()).unwrap()
        }
        "quoted-printable" => decode_quoted_printable(body),
        _ => body.to_string(),
    };
    Received { to, subject: decode_subject(&header("Subject")), body }
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes `=?utf-8?b?…?=` and `=?utf-8?q?…?=` words of a header.
fn decode_subject(value: &str) -> String {
    value
        .split_whitespace()
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            if let Some(encoded) = lower.strip_prefix("=?utf-8?b?").and(word.get(10..word.len().saturating_sub(2))) {
                String::from_utf8(base64::engine::general_purpose::STANDARD.decode(encoded).unwrap_or_default())
                    .unwrap_or_default()
            } else if let Some(encoded) =
                lower.strip_prefix("=?utf-8?q?").and(word.get(10..word.len().saturating_sub(2)))
            {
                decode_quoted_printable(&encoded.replace('_', " "))
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
