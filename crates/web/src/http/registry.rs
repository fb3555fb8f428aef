//! The route table's types: what a route needs from the caller (`Access`), one registered
//! route (`RouteSpec`), and the `Registry` each area adds its routes to. The table itself
//! is assembled in `crate::routes`, which the role × route matrix test reads.

use axum::handler::Handler;
use axum::routing::MethodRouter;
use domain::auth::Permission;

use crate::AppState;

/// What a route needs from the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone. State-changing requests still need a session's CSRF token.
    Public,
    /// Anyone; the login and set-password forms, protected by the pre-login CSRF cookie.
    Guest,
    /// A logged-in browser session with this permission.
    Page(Permission),
    /// An API call: a bearer token, or a browser session (then with CSRF on writes),
    /// with this permission.
    Api(Permission),
}

/// One registered route: method, path pattern, access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

/// The route table being built: each area adds its routes with the access they need.
pub struct Registry {
    pub(crate) routes: Vec<(RouteSpec, MethodRouter<AppState>)>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.routes.iter().map(|(spec, _)| spec))
            .finish()
    }
}

impl Registry {
    pub fn get<H: Handler<T, AppState>, T: 'static>(
        &mut self,
        path: &'static str,
        access: Access,
        h: H,
    ) {
        self.routes.push((
            RouteSpec {
                method: "GET",
                path,
                access,
            },
            axum::routing::get(h),
        ));
    }

    pub fn patch<H: Handler<T, AppState>, T: 'static>(
        &mut self,
        path: &'static str,
        access: Access,
        h: H,
    ) {
        self.routes.push((
            RouteSpec {
                method: "PATCH",
                path,
                access,
            },
            axum::routing::patch(h),
        ));
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(
        &mut self,
        path: &'static str,
        access: Access,
        h: H,
    ) {
        self.routes.push((
            RouteSpec {
                method: "POST",
                path,
                access,
            },
            axum::routing::post(h),
        ));
    }
}
