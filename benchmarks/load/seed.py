#!/usr/bin/env python3
"""Seeds a load-test dataset through the public API of a running CaseManager (Production, empty database).

The caller (a POLICE caseworker) has 120 open IOM cases allocated to them, each with a few contacts, and one person
whose timeline is long. A PROBATION caseworker owns 60 IOM cases that POLICE reads through an IOM sharing agreement
(Identity and Offending, no consent needed): the audited cross-agency path (DOMAIN.md IS7 (2)).
Prints shell assignments (ids the load script targets) on stdout.

Usage: seed.py BASE_URL ADMIN_EMAIL PASSWORD
"""
import datetime
import http.client
import json
import sys
import urllib.parse
import uuid

BASE, ADMIN, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
url = urllib.parse.urlparse(BASE)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
TODAY = datetime.date.today()

OWN_SURNAMES = ["Harrison", "Ashworth", "Bramley", "Cotton", "Dunmore", "Ellery", "Fenwick", "Garside", "Holroyd", "Ingleby",
                "Jarvis", "Kettle", "Lumb", "Marsden", "Noble", "Oldroyd", "Pickles", "Quarmby", "Rushworth", "Sugden"]
SHARED_SURNAMES = ["Oakley", "Pennock", "Redfearn", "Sowden", "Thackray", "Uttley"]
GIVEN = ["Adam", "Beth", "Carl", "Dawn", "Eric", "Faye", "Gary", "Hannah", "Ian", "Jade", "Kyle", "Lisa"]
CONTACTS = ["OfficeAppointment", "HomeVisit", "PhoneContact"]


def call(method, path, body=None, token=None, expect=(200, 201)):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status not in expect:
        sys.exit(f"{method} {path} -> {response.status}: {data[:500]!r}")
    return json.loads(data) if data else None


def token(email):
    return call("POST", "/api/v1/auth/token", {"email": email, "password": PASSWORD})["accessToken"]


def person(tok, given, family, n):
    born = datetime.date(1970 + n % 30, 1 + n % 12, 1 + n % 28).isoformat()
    return call("POST", "/api/v1/people", {"givenName": given, "familyName": family, "dateOfBirth": born}, tok)["id"]


def iom_case(tok, person_id, n):
    start = (TODAY - datetime.timedelta(days=400 + n % 50)).isoformat()
    return call("POST", "/api/v1/cases", {"personId": person_id, "scheme": "Iom", "startDate": start,
                                          "cohort": ["Fixed", "Flex", "Free"][n % 3], "selectionReason": "Panel"}, tok)["id"]


def intervention(tok, case_id, n):
    at = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1 + n % 300, hours=n % 7)).isoformat(timespec="seconds")
    call("POST", f"/api/v1/cases/{case_id}/interventions",
         {"type": CONTACTS[n % 3], "occurredAt": at, "durationMinutes": 30, "notes": f"Contact {n}"}, tok)


admin = token(ADMIN)
for code, name in (("POLICE", "Police"), ("PROBATION", "Probation")):
    call("POST", "/api/v1/admin/agencies", {"code": code, "name": name, "schemes": ["Iom"]}, admin)
users = (("iom.officer@police.load", "POLICE", ["Caseworker"]), ("offender.manager@probation.load", "PROBATION", ["Caseworker"]),
         ("ig.lead@council.load", "COUNCIL", ["InformationGovernance"]))
for email, agency, roles in users:
    call("POST", "/api/v1/admin/users", {"email": email, "displayName": email.split("@")[0], "agencyCode": agency,
                                         "roles": roles, "initialPassword": PASSWORD}, admin)

ig = token("ig.lead@council.load")
call("POST", "/api/v1/sharing-agreements", {
    "name": "IOM police and probation", "agencies": ["POLICE", "PROBATION"], "dataCategories": ["Identity", "Offending"],
    "purposes": ["Iom"], "lawfulBasis": "PublicTask", "consentRequired": False,
    "validFrom": (TODAY - datetime.timedelta(days=400)).isoformat()}, ig)

police = token("iom.officer@police.load")
own_people, own_cases = [], []
for n in range(120):
    p = person(police, GIVEN[n % len(GIVEN)], OWN_SURNAMES[n % len(OWN_SURNAMES)], n)
    own_people.append(p)
    c = iom_case(police, p, n)
    own_cases.append(c)
    for k in range(3):
        intervention(police, c, n + k)
for k in range(27):
    intervention(police, own_cases[0], 100 + k)

probation = token("offender.manager@probation.load")
shared_people, shared_cases = [], []
for n in range(60):
    p = person(probation, GIVEN[n % len(GIVEN)], SHARED_SURNAMES[n % len(SHARED_SURNAMES)], n)
    shared_people.append(p)
    c = iom_case(probation, p, n)
    shared_cases.append(c)
    for k in range(2):
        intervention(probation, c, n + k)
for k in range(28):
    intervention(probation, shared_cases[0], 100 + k)

print(f"OWN_PERSON={own_people[0]}")
print(f"OWN_CASE={own_cases[0]}")
print(f"SHARED_PERSON={shared_people[0]}")
print(f"SHARED_CASE={shared_cases[0]}")
print("OWN_SEARCH=Harrison")
print("SHARED_SEARCH=Oakley")
print("CALLER=iom.officer@police.load")
