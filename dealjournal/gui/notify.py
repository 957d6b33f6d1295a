"""Desktop notifications through the freedesktop notification service (D-Bus), where there is one.

:func:`desktop_notify` sends ``org.freedesktop.Notifications.Notify`` on the session bus
with jeepney (pure Python, no Qt marshalling): GNOME, KDE, Xfce, Cinnamon, MATE, LXQt and
dunst/mako all provide the service. It returns False, and sends nothing, when there is no
session bus or no notification service; the caller then falls back to a tray message or
to what the window shows.
"""

from __future__ import annotations

import logging
import os

from dealjournal import APP_NAME, DESKTOP_ID

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_S = 5


def desktop_notify(title: str, body: str, *, bus: str | None = None) -> bool:
    """Show a notification; True when the notification service accepted it.

    *bus* is a D-Bus address (default: ``$DBUS_SESSION_BUS_ADDRESS``, the user's session bus).
    """
    address = bus or os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        return False
    try:
        from jeepney import DBusAddress, MessageType, new_method_call
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:  # pragma: no cover - jeepney is a dependency; a broken install only loses the pop-up
        return False
    target = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
    # app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the server's)
    message = new_method_call(target, "Notify", "susssasa{sv}i",
                              (APP_NAME, 0, DESKTOP_ID, title, body, [], {"desktop-entry": ("s", DESKTOP_ID)}, -1))
    try:
        with open_dbus_connection(bus=address) as conn:
            reply = conn.send_and_get_reply(message, timeout=TIMEOUT_S)
    except (OSError, ValueError, TimeoutError, ConnectionError) as exc:
        log.info("No desktop notification: %s", type(exc).__name__)
        return False
    if reply.header.message_type == MessageType.error:
        log.info("The notification service refused the notification")
        return False
    return True
