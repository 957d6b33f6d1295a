"""Icons and translations, shipped inside the package as dealjournal._resources."""
