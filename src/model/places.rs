//! The 12 盟市, their east/west grouping, and the place names of the text that point to
//! them. Tagging a text finds every name (longest match first) and returns the 盟市 and
//! regions it concerns.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Region {
    /// 东部 / 蒙东: 呼伦贝尔, 兴安盟, 通辽, 赤峰, 锡林郭勒盟.
    East,
    /// 西部: the other seven 盟市.
    West,
}

impl Region {
    pub const ALL: [Region; 2] = [Region::East, Region::West];

    pub fn name_zh(self) -> &'static str {
        match self {
            Region::East => "东部",
            Region::West => "西部",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Region::East => "East",
            Region::West => "West",
        }
    }

    /// The region's name in the reader's language.
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        crate::i18n::pick(lang, self.name_zh(), self.name_en())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Places {
    /// Where the east/west grouping comes from (citation).
    pub grouping_source: String,
    pub cities: Vec<City>,
    /// Names in the text that stand for one or more 盟市 (the city names themselves included).
    pub names: Vec<PlaceName>,
    /// Names in the text that stand for a whole region (`东部地区`, `蒙东`).
    pub region_names: Vec<RegionName>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// Short name as used in statistics: `呼和浩特`, `兴安盟`.
    pub name: String,
    pub full_name: String,
    pub name_en: String,
    pub region: Region,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceName {
    pub name: String,
    pub cities: Vec<String>,
    /// Its name in English, where a map pin shows it (`Manzhouli`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    /// Why this mapping holds (what the place is), when it is not a city name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionName {
    pub name: String,
    pub region: Region,
}

/// One place name found in a text, by char offsets (for highlighting).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub cities: Vec<String>,
    pub region: Option<Region>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceTags {
    pub cities: Vec<String>,
    pub regions: Vec<Region>,
}

impl Places {
    pub fn city(&self, name: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.name == name)
    }

    /// A 盟市's name in the reader's language (`呼和浩特`, `Hohhot`); a name that is no 盟市 of
    /// the plan as written.
    pub fn city_name<'a>(&'a self, name: &'a str, lang: crate::i18n::Lang) -> &'a str {
        match self.city(name) {
            Some(c) if lang.is_english() && !c.name_en.is_empty() => &c.name_en,
            _ => name,
        }
    }

    pub fn region_of(&self, city: &str) -> Option<Region> {
        self.city(city).map(|c| c.region)
    }

    pub fn cities_in(&self, region: Region) -> impl Iterator<Item = &City> {
        self.cities.iter().filter(move |c| c.region == region)
    }

    /// The 盟市 in the one order every chart, table, map and export uses: east, then west,
    /// each in the curation's order.
    pub fn cities_east_then_west(&self) -> impl Iterator<Item = &City> {
        Region::ALL.into_iter().flat_map(|r| self.cities_in(r))
    }

    /// Every place or region name in `text`, leftmost-longest, not overlapping. Offsets are
    /// in chars so that views can slice by char.
    pub fn mentions(&self, text: &str) -> Vec<PlaceMention> {
        let mut candidates: Vec<(&str, Vec<String>, Option<Region>)> = self
            .names
            .iter()
            .map(|n| (n.name.as_str(), n.cities.clone(), None))
            .chain(self.region_names.iter().map(|r| (r.name.as_str(), Vec::new(), Some(r.region))))
            .filter(|(name, _, _)| !name.is_empty())
            .collect();
        candidates.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.chars().count()));

        let mut found = Vec::new();
        let mut char_pos = 0;
        let mut rest = text;
        while !rest.is_empty() {
            if let Some((name, cities, region)) = candidates.iter().find(|(name, _, _)| rest.starts_with(name)) {
                let len = name.chars().count();
                found.push(PlaceMention {
                    start: char_pos,
                    end: char_pos + len,
                    name: name.to_string(),
                    cities: cities.clone(),
                    region: *region,
                });
                char_pos += len;
                rest = &rest[name.len()..];
            } else {
                let step = rest.chars().next().map_or(1, char::len_utf8);
                char_pos += 1;
                rest = &rest[step..];
            }
        }
        found
    }

    /// The 盟市 named in `text` (first-mention order) and the regions they and the text name.
    pub fn tag(&self, text: &str) -> PlaceTags {
        let mut tags = PlaceTags::default();
        for mention in self.mentions(text) {
            for city in &mention.cities {
                if !tags.cities.contains(city) {
                    tags.cities.push(city.clone());
                }
                if let Some(region) = self.region_of(city)
                    && !tags.regions.contains(&region)
                {
                    tags.regions.push(region);
                }
            }
            if let Some(region) = mention.region
                && !tags.regions.contains(&region)
            {
                tags.regions.push(region);
            }
        }
        tags.regions.sort();
        tags
    }
}
