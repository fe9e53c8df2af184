"""The PySide6 desk program: the only package that imports Qt."""
