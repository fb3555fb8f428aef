"""A client generated from the OpenAPI document (openapi-python-client) runs one call per
area against a demo platform: scripts/api-check generates it into a temporary folder and
runs this with that folder, the base URL and a coordinator's token. Any failure exits 1."""

import datetime
import sys
import uuid

sys.path.insert(0, sys.argv[1])
BASE, TOKEN = sys.argv[2], sys.argv[3]

from client import AuthenticatedClient, Client  # noqa: E402
from client.api.account import get_me  # noqa: E402
from client.api.directory import list_organisations, list_territories  # noqa: E402
from client.api.events import (  # noqa: E402
    create_event,
    get_event,
    list_events,
    participation_statistics,
    publish_event,
)
from client.api.mediation import mediation_statistics  # noqa: E402
from client.api.operations import get_health  # noqa: E402
from client.api.plans import list_plans  # noqa: E402
from client.api.public_site import list_news, list_services  # noqa: E402
from client.models import EventInput, EventJson, ListNewsKind  # noqa: E402

me_client = AuthenticatedClient(base_url=BASE, token=TOKEN)
anyone = Client(base_url=BASE)
checks = []


def check(what, answer, status=200):
    ok = answer.status_code == status and answer.parsed is not None
    checks.append((what, ok))
    print(f"{'ok  ' if ok else 'FAIL'} {what}: {answer.status_code}")
    return answer.parsed


me = check("Account: getMe", get_me.sync_detailed(client=me_client))
assert me is None or me.role == "coordinator", me
check("Operations: getHealth", get_health.sync_detailed(client=anyone))
orgs = check("Directory: listOrganisations", list_organisations.sync_detailed(client=me_client, per_page=5))
check("Directory: listTerritories", list_territories.sync_detailed(client=me_client, q="Daugavpils"))
events = check("Events: listEvents", list_events.sync_detailed(client=me_client, per_page=3))
if events is not None:
    assert all(isinstance(e, EventJson) for e in events.items), events.items
made = check(
    "Events: createEvent",
    create_event.sync_detailed(
        client=me_client,
        body=EventInput(
            event_type="workshop",
            title_lv="Ģenerētā klienta darbnīca",
            date=datetime.date(2027, 3, 10),
            start="10:00",
            end="12:00",
            organiser_ids=[orgs.items[0].id] if orgs is not None and orgs.items else [],
        ),
        idempotency_key=f"client-check-{uuid.uuid4()}",
    ),
    status=201,
)
if made is not None:
    check("Events: publishEvent", publish_event.sync_detailed(made.id, client=me_client))
    got = check("Events: getEvent", get_event.sync_detailed(made.id, client=me_client))
    assert got is None or got.status == "published", got
check(
    "Events: participationStatistics",
    participation_statistics.sync_detailed(client=me_client, from_=datetime.date(2026, 1, 1), to=datetime.date(2026, 12, 31)),
)
check("Plans: listPlans", list_plans.sync_detailed(client=me_client))
check(
    "Mediation: mediationStatistics",
    mediation_statistics.sync_detailed(client=me_client, from_=datetime.date(2026, 1, 1), to=datetime.date(2026, 12, 31)),
)
check("Public site: listNews", list_news.sync_detailed(client=anyone, kind=ListNewsKind.ANNOUNCEMENT))
check("Public site: listServices", list_services.sync_detailed(client=anyone))

failed = [w for w, ok in checks if not ok]
print(f"{len(checks) - len(failed)} of {len(checks)} calls answered as documented")
sys.exit(1 if failed else 0)
