"""``policyguide teams package``: the Teams app package an administrator uploads.

A Teams app is a zip of ``manifest.json`` and two icons; the manifest names the Azure Bot's app
id twice (the app and its bot) and the domain the bot's links point at. The template lives in
``bot/teams/app/``; this fills it in from settings or options and refuses anything Teams would
reject later with a vaguer message (an app id that is not a GUID, a domain with a scheme).
Standard library only, so it runs in the core's interpreter without the Teams SDK.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

APP_DIR = Path(__file__).resolve().parent / "teams" / "app"
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-zA-Z0-9-]{1,63}\.)+[a-zA-Z]{2,63}$")


class PackageError(ValueError):
    """A value the Teams admin centre would refuse."""


def manifest(app_id: str, bot_domain: str, developer: str, website: str) -> dict[str, object]:
    if not GUID.match(app_id.strip()):
        raise PackageError(f"the app id must be the Azure Bot's Microsoft App ID, a GUID such as "
                           f"00000000-0000-0000-0000-000000000000; got {app_id!r}")
    if not DOMAIN.match(bot_domain.strip()):
        raise PackageError(f"the bot domain must be a host name such as policyguide.kommun.se "
                           f"(no https://, no path); got {bot_domain!r}")
    if not website.startswith("https://"):
        raise PackageError(f"the website must be an https:// address; got {website!r}")
    text = (APP_DIR / "manifest.json").read_text(encoding="utf-8")
    values = {"APP_ID": app_id.strip().lower(), "BOT_DOMAIN": bot_domain.strip().lower(),
              "DEVELOPER": developer, "WEBSITE": website}
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", json.dumps(value)[1:-1])
    data: dict[str, object] = json.loads(text)
    return data


def write_package(out: Path, app_id: str, bot_domain: str, developer: str,
                  website: str) -> Path:
    data = manifest(app_id, bot_domain, developer, website)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(data, ensure_ascii=False, indent=2))
        for name in ("color.png", "outline.png", "en-us.json"):  # icons, English texts
            package.write(APP_DIR / name, name)
    return out
