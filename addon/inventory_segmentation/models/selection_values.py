"""Selection values shared by several models; the same values are listed in
``manifest/contract.json`` and ``tests/test_contract.py`` checks that they agree."""

TIER_CODES = [
    ("critical", "Critical"),
    ("essential", "Essential"),
    ("standard", "Standard"),
    ("obsolete", "Obsolete"),
]

ABC_CLASSES = [("A", "A"), ("B", "B"), ("C", "C")]

XYZ_CLASSES = [("X", "X"), ("Y", "Y"), ("Z", "Z")]

DEMAND_PATTERNS = [
    ("smooth", "Smooth"),
    ("erratic", "Erratic"),
    ("intermittent", "Intermittent"),
    ("lumpy", "Lumpy"),
    ("none", "No demand"),
    ("new", "New"),
]
