//! The public site: home, pages, news, good practices, success stories and open data.

pub mod home;
pub mod news;
pub mod open_data;
pub mod pages;
pub mod practices;
pub mod stories;
