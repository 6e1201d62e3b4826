"""Info.plist entries for Parallax.app: the .parallax document type and its UTI.

PyInstaller's BUNDLE writes the base keys (bundle id, executable, icon, version); these
are merged over them.
"""

from __future__ import annotations

from typing import Any

BUNDLE_ID = "org.parallax.Parallax"
SESSION_UTI = "org.parallax.session"
SESSION_EXTENSION = "parallax"
SESSION_MIME = "application/x-parallax-session"


def info_plist(version: str) -> dict[str, Any]:
    return {
        "CFBundleName": "Parallax",
        "CFBundleDisplayName": "Parallax",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "en",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system dark mode
        "NSHumanReadableCopyright": "Copyright (C) Parallax team",
        # Finder: Parallax owns .parallax session files (double-click opens them).
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Parallax Session",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [SESSION_UTI],
                "CFBundleTypeIconFile": "parallax.icns",
            },
        ],
        # The UTI the document type refers to, exported because we define the format.
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": SESSION_UTI,
                "UTTypeDescription": "Parallax Session",
                # plain or gzip-compressed JSON, so only "data", not public.json
                "UTTypeConformsTo": ["public.data", "public.content"],
                "UTTypeIconFile": "parallax.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [SESSION_EXTENSION],
                    "public.mime-type": [SESSION_MIME],
                },
            },
        ],
    }
