-- Kapok foundation schema (SQLite). Keep in step with migrations/postgres/0001_foundation.sql:
-- the same tables, columns and constraints; only the types differ.
-- Instants are stored as Unix seconds (UTC); multilingual labels as JSON objects {"en": ..., "zh": ...}.

CREATE TABLE countries (
    code        TEXT PRIMARY KEY,            -- ISO 3166-1 alpha-2
    iso3        TEXT NOT NULL,
    continent   TEXT NOT NULL,               -- AF AS EU NA OC SA AN
    population  INTEGER,
    names       TEXT NOT NULL                -- JSON {"en": ..., "zh": ..., "fr": ..., "es": ...}
);

-- A city or another local or regional government (district, region, association of municipalities).
CREATE TABLE cities (
    id            INTEGER PRIMARY KEY,
    geonames_id   INTEGER UNIQUE,
    region_key    TEXT UNIQUE,
    name          TEXT NOT NULL,
    ascii_name    TEXT NOT NULL,
    name_zh       TEXT,
    country_code  TEXT NOT NULL REFERENCES countries(code),
    admin1        TEXT,
    level         TEXT NOT NULL,
    population    INTEGER,
    lat           REAL NOT NULL,
    lng           REAL NOT NULL,
    timezone      TEXT
);
CREATE INDEX cities_country ON cities(country_code, population DESC);
CREATE INDEX cities_ascii_name ON cities(ascii_name);
CREATE INDEX cities_population ON cities(population DESC, id);

CREATE TABLE networks (
    id    INTEGER PRIMARY KEY,
    slug  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL,
    url   TEXT
);

CREATE TABLE city_networks (
    city_id     INTEGER NOT NULL REFERENCES cities(id),
    network_id  INTEGER NOT NULL REFERENCES networks(id),
    PRIMARY KEY (city_id, network_id)
);

-- Formal city-to-city links are symmetric: stored once, lower id first.
CREATE TABLE city_links (
    city_a      INTEGER NOT NULL REFERENCES cities(id),
    city_b      INTEGER NOT NULL REFERENCES cities(id),
    kind        TEXT NOT NULL,               -- sister, friendly
    since_year  INTEGER,
    PRIMARY KEY (city_a, city_b),
    CHECK (city_a < city_b)
);
CREATE INDEX city_links_b ON city_links(city_b);

CREATE TABLE awards (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    short_name   TEXT NOT NULL,
    description  TEXT NOT NULL,
    organisers   TEXT NOT NULL,
    url          TEXT
);

CREATE TABLE editions (
    id                        INTEGER PRIMARY KEY,
    award_id                  INTEGER NOT NULL REFERENCES awards(id),
    ordinal                   INTEGER NOT NULL,
    year                      INTEGER NOT NULL,
    timezone                  TEXT NOT NULL,
    long_list_size            INTEGER,
    shortlist_size            INTEGER NOT NULL,
    max_winners               INTEGER NOT NULL,
    technical_committee_size  INTEGER,
    jury_size                 INTEGER,
    reported_entries          INTEGER,
    reported_cities           INTEGER,
    reported_countries        INTEGER,
    public_vote               TEXT,          -- JSON, the published rules of the public vote
    notes                     TEXT,
    UNIQUE (award_id, ordinal)
);

CREATE TABLE edition_dates (
    edition_id  INTEGER NOT NULL REFERENCES editions(id),
    milestone   TEXT NOT NULL,
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER,
    PRIMARY KEY (edition_id, milestone)
);

CREATE TABLE themes (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions(id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    UNIQUE (edition_id, position)
);

CREATE TABLE criteria (
    id           INTEGER PRIMARY KEY,
    edition_id   INTEGER NOT NULL REFERENCES editions(id),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    weight       REAL NOT NULL,
    scale_min    INTEGER NOT NULL,
    scale_max    INTEGER NOT NULL,
    stage        TEXT NOT NULL,              -- technical_committee, jury
    UNIQUE (edition_id, position)
);

CREATE TABLE initiatives (
    id                 INTEGER PRIMARY KEY,
    ref                TEXT NOT NULL UNIQUE, -- stable external id, makes imports idempotent
    level              TEXT NOT NULL,
    original_language  TEXT NOT NULL,
    started_year       INTEGER,
    ended_year         INTEGER,
    partners           TEXT NOT NULL,        -- JSON array of {name, kind}
    key_dates          TEXT NOT NULL,        -- JSON array of {date, label}
    contact            TEXT,                 -- JSON {name, email, role, consent}
    source             TEXT NOT NULL,        -- JSON {dataset, id, url}
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);

CREATE TABLE initiative_texts (
    initiative_id     INTEGER NOT NULL REFERENCES initiatives(id),
    lang              TEXT NOT NULL,
    title             TEXT,
    summary           TEXT,
    situation_before  TEXT,
    objectives        TEXT,
    process           TEXT,
    results           TEXT,
    sustainability    TEXT,
    lessons           TEXT,
    transferability   TEXT,
    PRIMARY KEY (initiative_id, lang)
);

CREATE TABLE initiative_cities (
    initiative_id  INTEGER NOT NULL REFERENCES initiatives(id),
    city_id        INTEGER NOT NULL REFERENCES cities(id),
    position       INTEGER NOT NULL,         -- 0 = lead government
    PRIMARY KEY (initiative_id, city_id)
);
CREATE INDEX initiative_cities_city ON initiative_cities(city_id);

CREATE TABLE initiative_sdgs (
    initiative_id  INTEGER NOT NULL REFERENCES initiatives(id),
    sdg            INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, sdg)
);

-- An initiative's participation in one edition, and how far it went.
CREATE TABLE entries (
    id             INTEGER PRIMARY KEY,
    edition_id     INTEGER NOT NULL REFERENCES editions(id),
    initiative_id  INTEGER NOT NULL REFERENCES initiatives(id),
    status         TEXT NOT NULL,
    public_votes   INTEGER,
    UNIQUE (edition_id, initiative_id)
);
CREATE INDEX entries_initiative ON entries(initiative_id);
CREATE INDEX entries_edition_status ON entries(edition_id, status);

CREATE TABLE entry_themes (
    entry_id  INTEGER NOT NULL REFERENCES entries(id),
    theme_id  INTEGER NOT NULL REFERENCES themes(id),
    PRIMARY KEY (entry_id, theme_id)
);

CREATE TABLE entry_honours (
    entry_id  INTEGER NOT NULL REFERENCES entries(id),
    kind      TEXT NOT NULL,                 -- public_vote, special_mention, media_attention, public_recommendation
    name      TEXT NOT NULL,                 -- the title as announced, e.g. "City of Your Choice"
    votes     INTEGER,
    PRIMARY KEY (entry_id, kind)
);

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,
    email              TEXT NOT NULL UNIQUE,
    display_name       TEXT NOT NULL,
    password_hash      TEXT NOT NULL,
    locale             TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    email_verified_at  INTEGER
);

-- A role, optionally scoped to one award or one edition.
CREATE TABLE user_roles (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    role        TEXT NOT NULL,               -- applicant, secretariat, technical_committee, jury, commission_member
    award_id    INTEGER REFERENCES awards(id),
    edition_id  INTEGER REFERENCES editions(id)
);
CREATE UNIQUE INDEX user_roles_unique ON user_roles(user_id, role, COALESCE(award_id, 0), COALESCE(edition_id, 0));
