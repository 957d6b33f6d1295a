"""The desktop window, built on the core (which never imports this package).

May use every core package. Inside it, dialogs never import the main window (they are
given what they need), and no two modules or packages import each other.
"""
