//! The API's one paging style: `page` (from 1) and `per_page` (1–200, default 50) in, a
//! [`Page`] out with the items, where they are and how many there are in all. The
//! parameters' ranges are in the OpenAPI document and checked before the handler runs.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Items per page unless asked otherwise.
pub const DEFAULT_PER_PAGE: i64 = 50;
/// At most this many items per page.
pub const MAX_PER_PAGE: i64 = 200;
/// The last page one may ask for.
pub const MAX_PAGE: i64 = 100_000;

/// Which page of a list.
#[derive(Debug, Default, Clone, Copy, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// The page, from 1 (default 1).
    #[param(minimum = 1, maximum = 100_000)]
    page: Option<i64>,
    /// Items per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    per_page: Option<i64>,
}

impl Paging {
    pub fn page(self) -> i64 {
        self.page.unwrap_or(1).clamp(1, MAX_PAGE)
    }

    pub fn per_page(self) -> i64 {
        self.per_page
            .unwrap_or(DEFAULT_PER_PAGE)
            .clamp(1, MAX_PER_PAGE)
    }

    /// The rows the page holds.
    pub fn window(self) -> store::Window {
        store::Window {
            offset: (self.page() - 1).saturating_mul(self.per_page()),
            limit: self.per_page(),
        }
    }

    /// The page of a whole list already read.
    pub fn of<T>(self, all: Vec<T>) -> Page<T> {
        let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
        let w = self.window();
        let items = all
            .into_iter()
            .skip(usize::try_from(w.offset).unwrap_or(usize::MAX))
            .take(usize::try_from(w.limit).unwrap_or(0))
            .collect();
        self.with(items, total)
    }

    /// A page read from the database, with the list's total.
    pub fn with<T>(self, items: Vec<T>, total: i64) -> Page<T> {
        Page {
            items,
            page: self.page(),
            per_page: self.per_page(),
            total,
        }
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub page: i64,
    pub per_page: i64,
    /// How many items the whole list has: the last page is `ceil(total / per_page)`.
    pub total: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_holds_its_window_of_the_list() {
        let p = Paging {
            page: Some(2),
            per_page: Some(3),
        };
        let page = p.of((1..=8).collect::<Vec<i64>>());
        assert_eq!(page.items, vec![4, 5, 6]);
        assert_eq!((page.page, page.per_page, page.total), (2, 3, 8));
        let past = Paging {
            page: Some(9),
            per_page: Some(3),
        }
        .of((1..=8).collect::<Vec<i64>>());
        assert!(past.items.is_empty());
        assert_eq!(
            Paging::default().window(),
            store::Window {
                offset: 0,
                limit: 50
            }
        );
    }
}
