"""The MkDocs adapter: ``plugin.py`` dispatches events, ``config.py`` holds the option schema."""

from generator.plugin.config import DossierConfig, check_site_dir, load_settings, settings_from_config
from generator.plugin.plugin import DossierPlugin

__all__ = ["DossierConfig", "DossierPlugin", "check_site_dir", "load_settings", "settings_from_config"]
